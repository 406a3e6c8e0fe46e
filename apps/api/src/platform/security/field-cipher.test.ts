import { Binary } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { newDataKeysJson, parseDataKeyring } from './data-keyring.ts';
import { makeFieldCipher, SealedValueError } from './field-cipher.ts';
import { protectFields } from './protected-fields.ts';

const place = { collection: 'appointments', field: 'reason', id: 'a1' };
const keyring = parseDataKeyring(newDataKeysJson('k1'));
const cipher = makeFieldCipher(keyring);

describe('field cipher', () => {
  it('round-trips strings, objects, dates and numbers, with a fresh nonce every time', () => {
    const values = [
      'Chest pain since Monday — हिन्दी ✓',
      { allergies: ['penicillin'], since: new Date('2026-01-02T03:04:05Z') },
      42,
    ];
    for (const value of values) {
      const a = cipher.seal(value, place);
      const b = cipher.seal(value, place);
      expect(cipher.isSealed(a)).toBe(true);
      expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(false);
      expect(cipher.open(a, place)).toEqual(value);
      expect(Buffer.from(a.buffer).includes(Buffer.from('Chest'))).toBe(false);
    }
  });

  it('pads values so that short ones of different lengths seal to the same length', () => {
    const lengths = ['male', 'female', 'other', 'AB+', 'O-'].map((v) => cipher.seal(v, place).length());
    expect(new Set(lengths).size).toBe(1);
  });

  it('refuses a tampered ciphertext and one opened under another collection, field or id', () => {
    const sealed = cipher.seal('Migraine', place);
    const bytes = Buffer.from(sealed.buffer);
    bytes[bytes.length - 20]! ^= 1;
    expect(() => cipher.open(new Binary(bytes, 0x80), place)).toThrow(SealedValueError);
    for (const other of [{ collection: 'doctors' }, { field: 'notes' }, { id: 'a2' }])
      expect(() => cipher.open(sealed, { ...place, ...other })).toThrow(SealedValueError);
    expect(() => cipher.open(new Binary(Buffer.from('plain'), 0), place)).toThrow(SealedValueError);
  });

  it('after a rotation seals under the new key, still opens the old one, and names the key a value uses', () => {
    const old = JSON.parse(newDataKeysJson('k1'));
    const next = JSON.parse(newDataKeysJson('k2'));
    const before = makeFieldCipher(parseDataKeyring(JSON.stringify(old)));
    const sealedOld = before.seal('Asthma', place);
    const after = makeFieldCipher(
      parseDataKeyring(JSON.stringify({ ...next, keys: { ...old.keys, ...next.keys }, blindIndexKey: old.blindIndexKey })),
    );
    expect(after.keyIdOf(sealedOld)).toBe('k1');
    expect(after.open(sealedOld, place)).toBe('Asthma');
    expect(after.keyIdOf(after.seal('Asthma', place))).toBe('k2');
    // Without k1 the old value cannot be opened: the key may go only once nothing uses it.
    const withoutOld = makeFieldCipher(parseDataKeyring(JSON.stringify(next)));
    expect(() => withoutOld.open(sealedOld, place)).toThrow(/k1/);
  });

  it('gives one blind index per purpose and value, and none without the index key', () => {
    expect(cipher.blindIndex('doctors.reg', 'MH-123')).toBe(cipher.blindIndex('doctors.reg', 'MH-123'));
    expect(cipher.blindIndex('doctors.reg', 'MH-123')).not.toBe(cipher.blindIndex('users.phone', 'MH-123'));
    const other = makeFieldCipher(parseDataKeyring(newDataKeysJson('k1')));
    expect(other.blindIndex('doctors.reg', 'MH-123')).not.toBe(cipher.blindIndex('doctors.reg', 'MH-123'));
    expect(cipher.blindIndex('doctors.reg', 'MH-123')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a keyring whose current key is missing or whose keys are not 32 bytes', () => {
    const good = JSON.parse(newDataKeysJson('k1'));
    expect(() => parseDataKeyring(JSON.stringify({ ...good, current: 'k9' }))).toThrow(/current/);
    expect(() => parseDataKeyring(JSON.stringify({ ...good, keys: { k1: 'c2hvcnQ=' } }))).toThrow(/32 bytes/);
    expect(() => parseDataKeyring('not json')).toThrow(/not JSON/);
  });
});

describe('protected fields', () => {
  const protect = protectFields(cipher, 'doctors', ['kyc.registrationNumber', 'notes'], {
    'kyc.registrationNumber': 'kyc.registrationIndex',
  });
  const doc = { name: 'Dr A', notes: 'private', kyc: { status: 'pending', registrationNumber: 'mh 12-34' } };

  it('seals the named paths with a blind index beside them, and opens them back to the plain record', () => {
    const sealed = protect.seal(doc, 'd1');
    expect(sealed.name).toBe('Dr A');
    expect(cipher.isSealed(sealed.notes)).toBe(true);
    expect(cipher.isSealed(sealed.kyc.registrationNumber)).toBe(true);
    expect((sealed.kyc as Record<string, unknown>)['registrationIndex']).toBe(
      protect.blindIndex('kyc.registrationNumber', 'MH1234'),
    );
    expect(protect.open(sealed, 'd1')).toEqual(doc);
    expect(doc.kyc).toEqual({ status: 'pending', registrationNumber: 'mh 12-34' }); // the input is not changed
    expect(() => protect.open(sealed, 'd2')).toThrow(SealedValueError);
  });

  it('reads plaintext of before protection, and reseals stale values only', () => {
    expect(protect.open(doc, 'd1')).toEqual(doc);
    expect(protect.isStale(doc)).toBe(true);
    expect(protect.keyIdsIn(doc)).toEqual(['plaintext', 'plaintext']);
    const resealed = protect.reseal(doc, 'd1');
    expect(protect.isStale(resealed)).toBe(false);
    expect(protect.keyIdsIn(resealed)).toEqual(['k1', 'k1']);
    expect(protect.reseal(resealed, 'd1').notes).toBe(resealed.notes);
    expect(protect.open(resealed, 'd1')).toEqual(doc);
  });
});
