import { expect, it, vi } from 'vitest';
import { interceptedDb } from '../../test-support/intercepted-db.ts';
import { useScratchDb } from '../../test-support/scratch-db.ts';
import { claimId, makeSequencedLog, moveLegacyClaims } from './sequenced-log.ts';

/**
 * Sequenced logs on the real FerretDB: appenders in several processes at once
 * take every seq exactly once, with no gap, and any process finds the tail.
 */

const scratch = useScratchDb();

it('100 parallel appends from 4 processes take seqs 1..100, each once, and every process reads them all', async () => {
  const processes = Array.from({ length: 4 }, () => makeSequencedLog<{ by: string }>(scratch.db, 'log_race', { cache: 1000 }));
  const appends = processes.flatMap((log, p) => Array.from({ length: 25 }, (_, i) => ({ log, by: `${p}-${i}` })));
  const seqs = await Promise.all(appends.map(({ log, by }) => log.append('k', { by })));
  expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));

  const fresh = makeSequencedLog<{ by: string }>(scratch.db, 'log_race');
  expect(await fresh.tail('k')).toBe(100);
  const entries = await fresh.readRange('k', 1, 100);
  // Each entry is the one its appender was told it got.
  expect(entries.map((e) => e?.by)).toEqual(Array.from({ length: 100 }, (_, i) => appends[seqs.indexOf(i + 1)]!.by));
  expect(await scratch.db.collection('log_race').countDocuments()).toBe(100);
});

it('keeps keys apart, reads nothing past the tail, and a process that appended knows the tail', async () => {
  const log = makeSequencedLog<{ n: number }>(scratch.db, 'log_keys');
  const other = makeSequencedLog<{ n: number }>(scratch.db, 'log_keys');
  for (let n = 1; n <= 5; n++) await log.append('a', { n });
  await other.append('b', { n: 1 });
  expect(await log.tail('a')).toBe(5);
  expect(await log.tail('b')).toBe(1);
  expect(await other.tail('a')).toBe(5);
  expect(await log.tail('none')).toBe(0);
  expect(await other.readRange('a', 4, 7)).toEqual([{ n: 4 }, { n: 5 }, null, null]);
  expect(await other.read('a', 0)).toBeNull();
  // A process whose hint is behind appends after the newest entry, not into it.
  expect(await other.append('a', { n: 6 })).toBe(6);
  expect(await log.append('a', { n: 7 })).toBe(7);
  expect(await scratch.db.collection('log_keys').findOne({ _id: 'a:7' as never })).toMatchObject({
    key: 'a',
    seq: 7,
    entry: { n: 7 },
  });
});

it('with blocks, reads full blocks from their copies, and a reader copies a block whose appender did not', async () => {
  const log = makeSequencedLog<{ n: number }>(scratch.db, 'log_blocks', { blockSize: 4 });
  for (let n = 1; n <= 10; n++) await log.append('k', { n });
  const copies = scratch.db.collection('log_blocks_blocks');
  // The appender of a block's last entry copies it in the background, right after its append.
  await vi.waitFor(async () =>
    expect(await copies.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'k:0', entries: [1, 2, 3, 4].map((n) => ({ n })) },
      { _id: 'k:1', entries: [5, 6, 7, 8].map((n) => ({ n })) },
    ]),
  );
  const expected = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ n: from + i }));
  const reader = () => makeSequencedLog<{ n: number }>(scratch.db, 'log_blocks', { blockSize: 4 });
  const fresh = reader();
  expect(await fresh.tail('k')).toBe(10);
  expect(await fresh.readRange('k', 1, 10)).toEqual(expected(1, 10));
  // Full blocks come from their copies: with entry 2's own document gone (which never happens), block 0 still answers.
  const entry2 = await scratch.db.collection('log_blocks').findOneAndDelete({ _id: 'k:2' as never });
  const viaCopy = reader();
  await viaCopy.tail('k');
  expect(await viaCopy.readRange('k', 1, 4)).toEqual(expected(1, 4));
  await scratch.db.collection('log_blocks').insertOne(entry2!);
  expect(await reader().readRange('k', 3, 12)).toEqual([...expected(3, 10), null, null]); // tail not known yet: entry by entry
  const other = reader();
  await other.tail('k');
  expect(await other.readRange('k', 3, 9)).toEqual(expected(3, 9));

  // The entries are the truth: a lost copy is read entry by entry and copied again.
  await copies.deleteOne({ _id: 'k:1' as never });
  const again = reader();
  await again.tail('k');
  expect(await again.readRange('k', 2, 7)).toEqual(expected(2, 7));
  expect(await copies.findOne({ _id: 'k:1' as never })).toEqual({ _id: 'k:1', entries: expected(5, 8) });
});

it('appendOnce: racing calls with one uid from 4 processes store one entry, and every call answers its seq', async () => {
  type E = { uid: string; by: string };
  const processes = Array.from({ length: 4 }, () => makeSequencedLog<E>(scratch.db, 'log_once', { blockSize: 5 }));
  for (let round = 0; round < 10; round++) {
    // Other appends interleave, so the copies would land at different seqs.
    const calls = processes.flatMap((log, p) => [
      log.appendOnce('k', `u${round}`, { uid: `u${round}`, by: `${p}` }),
      log.append('k', { uid: `other-${round}-${p}`, by: `${p}` }).then((seq) => ({ seq, created: true })),
      log.appendOnce('k', `u${round}`, { uid: `u${round}`, by: `${p}` }),
    ]);
    const results = await Promise.all(calls);
    const once = results.filter((_, i) => i % 3 !== 1);
    expect(new Set(once.map((r) => r.seq)).size).toBe(1);
    expect(once.filter((r) => r.created)).toHaveLength(1);
  }
  const fresh = makeSequencedLog<E>(scratch.db, 'log_once');
  const tail = await fresh.tail('k');
  const entries = await fresh.readRange('k', 1, tail);
  const uids = entries.map((e) => e!.uid);
  expect(uids.filter((u) => /^u\d+$/.test(u)).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `u${i}`).sort());
  expect(tail).toBe(50);
  // A later call (a retry long after) finds the stored entry; a fresh process too.
  const again = await fresh.appendOnce('k', 'u3', { uid: 'u3', by: 'late' });
  expect(again).toEqual({ seq: uids.indexOf('u3') + 1, created: false });
  expect(await fresh.findByUid('k', 'u7')).toBe(uids.indexOf('u7') + 1);
  expect(await fresh.findByUid('k', 'never')).toBeNull();
});

it('appendOnce from a process new to a key starts from a stored seq it is given, and a wrong one leaves no gap', async () => {
  type E = { uid: string };
  const writer = makeSequencedLog<E>(scratch.db, 'log_start');
  for (let i = 1; i <= 40; i++) await writer.append('k', { uid: `w${i}` });
  // A fresh process each time, whose point reads are counted.
  const probe = async (stored: number) => {
    let reads = 0;
    const counted = interceptedDb(scratch.db, 'findOne', (_name, _args, call) => (reads++, call()));
    const fresh = makeSequencedLog<E>(counted, 'log_start');
    const result = await fresh.appendOnce('k', `s${stored}`, { uid: `s${stored}` }, undefined, undefined, stored);
    return { ...result, reads };
  };
  const fromStart = await probe(0);
  const fromStored = await probe(41);
  expect(fromStart).toMatchObject({ seq: 41, created: true });
  expect(fromStored).toMatchObject({ seq: 42, created: true });
  expect(fromStored.reads).toBeLessThan(fromStart.reads / 2);
  // A seq past the end is not taken for stored: the entry still lands right after the last one.
  expect(await probe(500)).toMatchObject({ seq: 43, created: true });
  expect((await writer.readRange('k', 41, 44)).map((e) => e?.uid)).toEqual(['s0', 's41', 's500', undefined]);
  // A process whose own hint is behind takes a later stored seq it is given, or finds the end itself.
  const stale = makeSequencedLog<E>(scratch.db, 'log_start');
  await stale.read('k', 40);
  await writer.append('k', { uid: 'w44' });
  expect(await stale.appendOnce('k', 'late', { uid: 'late' }, undefined, undefined, 44)).toEqual({ seq: 45, created: true });
  await writer.append('k', { uid: 'w46' });
  expect(await stale.appendOnce('k', 'later', { uid: 'later' }, undefined, undefined, 41)).toEqual({ seq: 47, created: true });
});

it('appendOnce writes nothing before it is ready and knows the end, then the claim and the entry in one insert', async () => {
  type E = { uid: string };
  const writer = makeSequencedLog<E>(scratch.db, 'log_late_stored');
  let inserts = 0;
  const counted = interceptedDb(scratch.db, 'insertMany', (_name, _args, call) => (inserts++, call()));
  const stale = makeSequencedLog<E>(counted, 'log_late_stored');
  await stale.append('k', { uid: 'mine' }); // this process's hint: 1
  for (let i = 2; i <= 5; i++) await writer.append('k', { uid: `w${i}` });
  let settle!: (seq: number) => void;
  const stored = new Promise<number>((resolve) => (settle = resolve));
  let admit!: () => void;
  const ready = new Promise<void>((resolve) => (admit = resolve));
  const appended = stale.appendOnce('k', 'late', { uid: 'late' }, 'change-1', ready, stored);
  const claims = scratch.db.collection<{ _id: string; from: number; changeId: string }>('log_late_stored');
  settle(5);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await claims.findOne({ _id: claimId('k', 'late') })).toBeNull();
  admit();
  expect(await appended).toEqual({ seq: 6, created: true });
  expect(inserts).toBe(1);
  expect(await claims.findOne({ _id: claimId('k', 'late') })).toMatchObject({ from: 5, changeId: 'change-1' });
  expect((await writer.readRange('k', 1, 7)).map((e) => e?.uid)).toEqual(['mine', 'w2', 'w3', 'w4', 'w5', 'late', undefined]);
});

it('appendOnce that is refused (not ready) writes nothing, and a later call with the uid stores it under its own change', async () => {
  type E = { uid: string; try: number };
  const log = makeSequencedLog<E>(scratch.db, 'log_refused');
  await log.append('k', { uid: 'first', try: 0 });
  const refusal = new Error('over the limit');
  await expect(log.appendOnce('k', 'u', { uid: 'u', try: 1 }, 'change-1', Promise.reject(refusal))).rejects.toBe(refusal);
  const docs = scratch.db.collection<{ _id: string; changeId?: string }>('log_refused');
  expect(await docs.countDocuments()).toBe(1);
  expect(await log.appendOnce('k', 'u', { uid: 'u', try: 2 }, 'change-2')).toEqual({ seq: 2, created: true });
  expect(await docs.findOne({ _id: claimId('k', 'u') })).toMatchObject({ changeId: 'change-2' });
  expect((await log.read('k', 2))?.try).toBe(2);
});

it('claims kept apart by earlier versions move beside the entries, so a retry of what they stored stores nothing', async () => {
  type E = { uid: string };
  // As an earlier version left it: the entry, its claim in `<name>_uids`, and one claim of a call still storing.
  await scratch.db.collection('log_legacy').insertOne({ _id: 'k:1', key: 'k', seq: 1, entry: { uid: 'u' } } as never);
  await scratch.db.collection('log_legacy_uids').insertMany([{ _id: 'k:u', from: 0 } as never, { _id: 'k:v', from: 1 } as never]);
  await Promise.all([moveLegacyClaims(scratch.db, 'log_legacy'), moveLegacyClaims(scratch.db, 'log_legacy')]);
  const log = makeSequencedLog<E>(scratch.db, 'log_legacy');
  expect(await log.appendOnce('k', 'u', { uid: 'u' })).toEqual({ seq: 1, created: false });
  expect(await log.appendOnce('k', 'v', { uid: 'v' })).toEqual({ seq: 2, created: true });
  expect(await scratch.db.listCollections({ name: 'log_legacy_uids' }).toArray()).toEqual([]);
  await expect(log.appendOnce('k', '42', { uid: '42' })).rejects.toThrow(/not be a number/);
});

it('appendOnce after learning the seq another process filled goes straight to the claim and the entry, with no read', async () => {
  type E = { uid: string };
  const writer = makeSequencedLog<E>(scratch.db, 'log_learnt');
  for (let i = 1; i <= 5; i++) await writer.append('k', { uid: `w${i}` });
  let reads = 0;
  const counted = interceptedDb(scratch.db, 'findOne', (_name, _args, call) => (reads++, call()));
  const other = makeSequencedLog<E>(counted, 'log_learnt');
  other.learnFilled('k', 5);
  expect(await other.appendOnce('k', 'mine', { uid: 'mine' })).toEqual({ seq: 6, created: true });
  expect(reads).toBe(0);
  // A seq learnt late (lower than what it knows) changes nothing; a wrong guess only costs a probe.
  other.learnFilled('k', 2);
  await writer.append('k', { uid: 'w7' });
  expect(await other.appendOnce('k', 'next', { uid: 'next' })).toEqual({ seq: 8, created: true });
});
