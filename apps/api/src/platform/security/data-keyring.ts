import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The keys that protect health and identity data at rest (`DATA_KEYS`):
 * key-encryption keys by id, one of them current (new values are sealed
 * under it at once; the others only open what they sealed), and the key of
 * the blind indexes (equality look-ups on protected fields), which never
 * rotates with them: an index computed under another key would find nothing.
 */
export interface DataKeyring {
  current: string;
  keys: ReadonlyMap<string, Buffer>;
  blindIndexKey: Buffer;
}

const key32 = z
  .string()
  .refine((s) => Buffer.from(s, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(s), 'must be 32 bytes in base64');
const KeyId = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'key ids are 1 to 32 letters, digits, dots, dashes or underscores');

/** `{"current": "<id>", "keys": {"<id>": "<base64 of 32 bytes>", ...}, "blindIndexKey": "<base64 of 32 bytes>"}` */
export const DataKeysJson = z
  .object({ current: KeyId, keys: z.record(KeyId, key32), blindIndexKey: key32 })
  .refine((k) => k.current in k.keys, { message: 'the current key must be one of the keys', path: ['current'] });

export function parseDataKeyring(json: string): DataKeyring {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('DATA_KEYS is not JSON');
  }
  const parsed = DataKeysJson.safeParse(raw);
  if (!parsed.success)
    throw new Error(`DATA_KEYS: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const { current, keys, blindIndexKey } = parsed.data;
  return {
    current,
    keys: new Map(Object.entries(keys).map(([id, k]) => [id, Buffer.from(k, 'base64')])),
    blindIndexKey: Buffer.from(blindIndexKey, 'base64'),
  };
}

/** A fresh keyring with one key, as JSON (a development keyring, or the start of a production one). */
export function newDataKeysJson(keyId = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`): string {
  const fresh = () => randomBytes(32).toString('base64');
  return JSON.stringify({ current: keyId, keys: { [keyId]: fresh() }, blindIndexKey: fresh() }, null, 2);
}
