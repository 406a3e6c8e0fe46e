import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { BSON, Binary } from 'mongodb';
import type { DataKeyring } from './data-keyring.ts';

/** Where a value lives: its ciphertext opens only there (AES-GCM associated data). */
export interface SealContext {
  collection: string;
  field: string;
  /** The record's id (not a version's), so copies of the record carry the same ciphertext. */
  id: string;
}

/** BSON binary subtype of a sealed value (user-defined range), so a reader can tell one at a glance. */
export const SEALED_SUBTYPE = 0x80;
const FORMAT = 1;
const NONCE = 12;
const TAG = 16;
const WRAPPED = NONCE + 32 + TAG;
/** A data key seals at most this many values (random 96-bit nonces stay far from their 2^32 bound). */
const DATA_KEY_USES = 1 << 20;
/** Plaintexts are padded to a multiple of this, so a ciphertext's length does not tell "male" from "female". */
const PAD = 32;

export class SealedValueError extends Error {}

function gcmSeal(key: Buffer | KeyObject, plaintext: Buffer, aad: Buffer): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(aad);
  return Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}
function gcmOpen(key: Buffer | KeyObject, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < NONCE + TAG) throw new SealedValueError('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE)).setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(NONCE, sealed.length - TAG)), decipher.final()]);
  } catch {
    throw new SealedValueError('sealed value refused: tampered, or opened in another place');
  }
}
const aadOf = ({ collection, field, id }: SealContext) => Buffer.from(`doctime\0${collection}\0${field}\0${id}`);
const wrapAadOf = (keyId: string) => Buffer.from(`doctime-data-key\0${keyId}`);

/**
 * Envelope encryption of single values (AES-256-GCM). Each value is sealed
 * under a data key with a fresh random nonce and its place as associated
 * data; the data key travels with it, wrapped by a key-encryption key of the
 * keyring, whose id it names. Layout (a BSON binary of subtype 0x80):
 * format(1) | id length(1) | key id | wrapped data key (nonce, key, tag) | nonce | ciphertext | tag.
 * The plaintext is the BSON of `{v: value}` (dates and numbers come back as they went in),
 * zero-padded to a multiple of 32 bytes (BSON states its own length).
 *
 * A process seals with one data key (wrapped once) for up to 2^20 values, and
 * keeps the data keys it has unwrapped (as key objects, which OpenSSL does not
 * prepare again for each use), so sealing and opening cost one AES-GCM operation each.
 */
export function makeFieldCipher(keyring: DataKeyring) {
  let dataKey: { key: KeyObject; header: Buffer; uses: number } | null = null;
  const unwrapped = new Map<string, KeyObject>();

  function currentDataKey() {
    if (!dataKey || dataKey.uses >= DATA_KEY_USES) {
      const key = randomBytes(32);
      const id = Buffer.from(keyring.current);
      const wrapped = gcmSeal(keyring.keys.get(keyring.current)!, key, wrapAadOf(keyring.current));
      dataKey = { key: createSecretKey(key), header: Buffer.concat([Buffer.from([FORMAT, id.length]), id, wrapped]), uses: 0 };
    }
    dataKey.uses += 1;
    return dataKey;
  }

  function parse(sealed: Binary) {
    const bytes = Buffer.from(sealed.buffer);
    if (sealed.sub_type !== SEALED_SUBTYPE || bytes[0] !== FORMAT || bytes.length < 2)
      throw new SealedValueError('not a sealed value');
    const idEnd = 2 + bytes[1]!;
    return {
      keyId: bytes.subarray(2, idEnd).toString(),
      wrapped: bytes.subarray(idEnd, idEnd + WRAPPED),
      body: bytes.subarray(idEnd + WRAPPED),
    };
  }

  function dataKeyOf(keyId: string, wrapped: Buffer): KeyObject {
    const cacheKey = `${keyId}:${wrapped.toString('base64')}`;
    const known = unwrapped.get(cacheKey);
    if (known) return known;
    const kek = keyring.keys.get(keyId);
    if (!kek) throw new SealedValueError(`sealed under key "${keyId}", which DATA_KEYS does not hold`);
    const key = createSecretKey(gcmOpen(kek, wrapped, wrapAadOf(keyId)));
    if (unwrapped.size >= 10_000) unwrapped.delete(unwrapped.keys().next().value!);
    unwrapped.set(cacheKey, key);
    return key;
  }

  return {
    currentKeyId: keyring.current,
    isSealed: (value: unknown): value is Binary => value instanceof Binary && value.sub_type === SEALED_SUBTYPE,
    seal(value: unknown, place: SealContext): Binary {
      const { key, header } = currentDataKey();
      const bson = BSON.serialize({ v: value });
      const padded = Buffer.alloc(Math.ceil(bson.length / PAD) * PAD);
      padded.set(bson);
      const body = gcmSeal(key, padded, aadOf(place));
      return new Binary(Buffer.concat([header, body]), SEALED_SUBTYPE);
    },
    open<T = unknown>(sealed: Binary, place: SealContext): T {
      const { keyId, wrapped, body } = parse(sealed);
      const plaintext = gcmOpen(dataKeyOf(keyId, wrapped), body, aadOf(place));
      return BSON.deserialize(plaintext.subarray(0, plaintext.readInt32LE(0)), { promoteBuffers: true }).v as T;
    },
    /** The id of the key-encryption key a value is sealed under. */
    keyIdOf: (sealed: Binary): string => parse(sealed).keyId,
    /**
     * A keyed blind index of `value` for equality look-ups (HMAC-SHA256, 128 bits, hex), one per
     * purpose, so equal values of different fields do not match. Normalise `value` first.
     */
    blindIndex: (purpose: string, value: string): string =>
      createHmac('sha256', keyring.blindIndexKey).update(`${purpose}\0${value}`).digest('hex').slice(0, 32),
  };
}
export type FieldCipher = ReturnType<typeof makeFieldCipher>;
