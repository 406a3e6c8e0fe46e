import { expect, it } from 'vitest';
import { plaintextIn } from '../../test-support/raw-scan.ts';
import { useScratchDb } from '../../test-support/scratch-db.ts';
import { makeLogger } from '../logger.ts';
import { makeOutbox } from '../outbox/outbox.ts';
import { newDataKeysJson, parseDataKeyring } from '../security/data-keyring.ts';
import { makeFieldCipher } from '../security/field-cipher.ts';
import { protectFields } from '../security/protected-fields.ts';
import { makeVersionedStore } from './versioned-store.ts';

/**
 * A sealing versioned store on the real FerretDB, raced against itself: a
 * key rotation racing saves loses no save and leaves nothing under the old
 * key; an erasure racing a rotation (which rewrites earlier versions) leaves
 * no earlier version with a value, whichever writes last.
 */

interface Note {
  id: string;
  version: number;
  owner: string;
  text: string;
}

const scratch = useScratchDb();
const k1 = JSON.parse(newDataKeysJson('k1'));
const k2 = JSON.parse(newDataKeysJson('k2'));
const cipherOld = makeFieldCipher(parseDataKeyring(JSON.stringify(k1)));
const cipherNew = makeFieldCipher(
  parseDataKeyring(JSON.stringify({ current: 'k2', keys: { ...k1.keys, ...k2.keys }, blindIndexKey: k1.blindIndexKey })),
);
const storeOn = (name: string, cipher: typeof cipherOld) =>
  makeVersionedStore<Note>(scratch.db, name, makeOutbox(scratch.db, makeLogger('silent')), {
    protect: protectFields(cipher, name, ['text']),
  });

/** Saves `text` as the next version of `id`, re-reading on conflict; how many tries it took. */
async function append(store: ReturnType<typeof storeOn>, id: string, text: string) {
  for (;;) {
    const current = (await store.findById(id))!;
    if ((await store.save({ ...current, version: current.version + 1, text: `${current.text}|${text}` })) === 'ok') return;
  }
}

it('a rotation racing saves keeps every save and leaves no value under the old key', async () => {
  const old = storeOn('notes_rotated', cipherOld);
  const rotating = storeOn('notes_rotated', cipherNew);
  const ids = Array.from({ length: 8 }, (_, i) => `n${i}`);
  for (const id of ids) await old.create({ id, version: 1, owner: 'p1', text: 'first' });
  await Promise.all([
    rotating.rotateKeys(),
    ...ids.map(async (id) => {
      for (let i = 0; i < 3; i++) await append(rotating, id, `s${i}`);
    }),
  ]);
  expect(await rotating.keyUse()).toEqual({ k2: 8 * 4 + 8 }); // every version, and every head
  for (const id of ids) expect((await rotating.findById(id))!.text).toBe('first|s0|s1|s2');
});

it('an erasure racing rotations leaves no earlier version with a value, and nothing in plaintext', async () => {
  for (let round = 0; round < 5; round++) {
    const name = `notes_erased_${round}`;
    const old = storeOn(name, cipherOld);
    const rotating = storeOn(name, cipherNew);
    await old.create({ id: 'n', version: 1, owner: 'p1', text: `secret ${round}` });
    for (let i = 0; i < 29; i++) await append(old, 'n', `more ${round}`);
    // The rotation reads the versions in one batch, then rewrites them one by one while the erasure strips them.
    const rotation = rotating.rotateKeys();
    await new Promise((resolve) => setTimeout(resolve, round * 5));
    const [erased] = await Promise.all([rotating.erase('n', (note) => ({ ...note, owner: 'erased', text: '' })), rotation]);
    expect(erased).toMatchObject({ version: 31, owner: 'erased', text: '' });
    const versions = await scratch.db.collection(`${name}_versions`).find().toArray();
    expect(versions.filter((v) => v['value']).map((v) => v._id)).toEqual(['n:31']);
    expect(await rotating.findVersion('n', 3)).toBeNull();
    expect(await rotating.findById('n')).toMatchObject({ version: 31, text: '' });
  }
  // The worst order, played out: a rotation read a version before the erasure stripped it, and writes it after.
  const old = storeOn('notes_late', cipherOld);
  const rotating = storeOn('notes_late', cipherNew);
  await old.create({ id: 'n', version: 1, owner: 'p1', text: 'secret late' });
  const readByRotation = (await scratch.db.collection('notes_late_versions').findOne({ _id: 'n:1' as never }))!;
  await rotating.erase('n', (note) => ({ ...note, text: '' }));
  await rotating.resealVersion(readByRotation as never);
  expect(await rotating.findVersion('n', 1)).toBeNull();
  expect(await plaintextIn(scratch.db, ['secret', 'more'])).toEqual([]);
  expect((await storeOn('notes_late', cipherNew).keyUse())['k1'] ?? 0).toBe(0);
});
