import { expect, it } from 'vitest';
import { useScratchDb } from '../../test-support/scratch-db.ts';
import { makeSequencedLog } from './sequenced-log.ts';

/** A sequenced log's bulk import on the real FerretDB leaves what appending each entry once leaves. */

const scratch = useScratchDb();
type E = { uid: string; n: number };
const entries = (key: string, count: number): E[] =>
  Array.from({ length: count }, (_, i) => ({ uid: `${key}-${i + 1}`, n: i + 1 }));
const logs = [
  { key: 'a', entries: entries('a', 12) },
  { key: 'b', entries: entries('b', 3) },
  { key: 'c', entries: [] },
];

it('stores the same entries, block copies and dedupe keys as appendOnce, and appends carry on after them', async () => {
  const appended = makeSequencedLog<E>(scratch.db, 'appended', { blockSize: 5 });
  for (const { key, entries } of logs) for (const e of entries) await appended.appendOnce(key, e.uid, e);
  await makeSequencedLog<E>(scratch.db, 'imported', { blockSize: 5 }).importMany(logs);

  // An imported claim also says where its entry is (`seq`), which appendOnce's claims leave to a scan.
  const sorted = (name: string) =>
    scratch.db
      .collection(name)
      .find({}, { projection: { changeId: 0, seq: 0 } })
      .sort({ _id: 1 })
      .toArray();
  for (const suffix of ['', '_blocks'])
    expect(await sorted(`imported${suffix}`), suffix || 'entries and claims').toEqual(await sorted(`appended${suffix}`));
  expect(await scratch.db.collection('imported_blocks').countDocuments()).toBe(2);

  const fresh = makeSequencedLog<E>(scratch.db, 'imported', { blockSize: 5 });
  expect(await fresh.tail('a')).toBe(12);
  expect((await fresh.readRange('a', 1, 12)).map((e) => e?.n)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  expect(await fresh.appendOnce('a', 'a-7', { uid: 'a-7', n: 0 })).toEqual({ seq: 7, created: false });
  expect(await fresh.appendOnce('b', 'b-4', { uid: 'b-4', n: 4 })).toEqual({ seq: 4, created: true });
  await expect(fresh.importMany([{ key: 'b', entries: entries('b', 1) }])).rejects.toThrow(/duplicate key/i);
});
