import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { useScratchDb } from '../../test-support/scratch-db.ts';
import { makeFoldedStore } from './folded-store.ts';
import { makeTimelineLists, type PagePlan } from './timeline-lists.ts';

/**
 * Timeline lists and the folded store under them, on the real FerretDB: puts
 * racing on one owner and one bucket lose nothing, versions arriving late or
 * twice never bring back an older state, a record that moves between buckets
 * is listed once, and a page crossing buckets counts every bucket.
 */

const scratch = useScratchDb();

const DAY = 86_400_000;
const t0 = Date.UTC(2030, 0, 1);
const byMonth = (_owner: string, at: number) => new Date(at).toISOString().slice(0, 7);
const lists = () => makeTimelineLists<{ id: string; label: string }>(scratch.db, `tl_${randomUUID().slice(0, 6)}`, byMonth);
const item = (id: string, version: number, at: number, group = 'open') => ({
  id,
  version,
  at,
  group,
  value: { id, label: `${id}@${version}` },
});
const everything = (order: 'asc' | 'desc' = 'asc'): PagePlan<{ id: string; label: string }> => ({
  order,
  count: (_b, counts) => Object.values(counts).reduce((a, b) => a + b, 0),
  match: () => true,
  skip: 0,
  limit: 1_000,
});

it('a folded record: 30 writers adding at once each land exactly once', async () => {
  const store = makeFoldedStore<{ seen: string[] }, { add: string }>(scratch.db, `fold_${randomUUID().slice(0, 6)}`, {
    empty: () => ({ seen: [] }),
    apply: (state, { add }) => ({ seen: [...state.seen, add] }),
  });
  const writers = Array.from({ length: 30 }, (_, i) => `w${i}`);
  await Promise.all(writers.map((w) => store.change('r', (s) => (s.seen.includes(w) ? null : { add: w }))));
  const { n, state } = await store.read('r');
  expect(n).toBe(30);
  expect([...state.seen].sort()).toEqual([...writers].sort());
});

it('40 records put at once into one owner and bucket are all listed, counted once each', async () => {
  const l = lists();
  await Promise.all(Array.from({ length: 40 }, (_, i) => l.put(['o'], item(`r${i}`, 1, t0 + i * 60_000))));
  const { items, total } = await l.page('o', everything());
  expect(total).toBe(40);
  expect(items.map((v) => v.id)).toEqual(Array.from({ length: 40 }, (_, i) => `r${i}`));
});

it('versions racing, late and repeated converge on the newest; a move leaves the record in one bucket', async () => {
  const l = lists();
  const at = [t0, t0 + 40 * DAY, t0 + 80 * DAY, t0 + 5 * DAY]; // months 01, 02, 03, 01
  const versions = at.map((when, i) => ({ v: item('r', i + 1, when), previousAt: i ? at[i - 1] : undefined }));
  // Every version twice, all at once, newest first: the order a crashed-and-retried outbox could produce.
  await Promise.all(
    [...versions].reverse().flatMap(({ v, previousAt }) => [l.put(['o'], v, previousAt), l.put(['o'], v, previousAt)]),
  );
  const { items, total } = await l.page('o', everything());
  expect(total).toBe(1);
  expect(items).toEqual([{ id: 'r', label: 'r@4' }]);
});

it('pages across buckets in both orders, with totals from the directory and filters on the buckets read', async () => {
  const l = lists();
  // 5 records a month for 6 months; every third one "closed".
  const all = Array.from({ length: 30 }, (_, i) =>
    item(`r${String(i).padStart(2, '0')}`, 1, t0 + i * 6 * DAY, i % 3 ? 'open' : 'closed'),
  );
  await l.putMany(all.map((it) => ({ owners: ['o', 'p'], item: it })));
  const page2 = await l.page('o', { ...everything(), skip: 7, limit: 6 });
  expect(page2.total).toBe(30);
  expect(page2.items.map((v) => v.id)).toEqual(all.slice(7, 13).map((i) => i.id));
  const newest = await l.page('p', { ...everything('desc'), skip: 0, limit: 4 });
  expect(newest.items.map((v) => v.id)).toEqual(['r29', 'r28', 'r27', 'r26']);
  const closed = await l.page('o', {
    order: 'desc',
    count: (_b, counts) => counts['closed'] ?? 0,
    match: (i) => i.group === 'closed',
    skip: 2,
    limit: 3,
  });
  expect(closed.total).toBe(10);
  expect(closed.items.map((v) => v.id)).toEqual(['r21', 'r18', 'r15']);
  expect(await l.page('nobody', everything())).toEqual({ items: [], total: 0 });
});

it('an import lists records in bulk, and later puts move them as usual', async () => {
  const l = lists();
  await l.importMany([1, 2, 3].map((i) => ({ owners: ['o'], item: item(`r${i}`, 1, t0 + i * 20 * DAY) })));
  expect((await l.page('o', everything())).items.map((v) => v.id)).toEqual(['r1', 'r2', 'r3']);
  await l.put(['o'], item('r1', 2, t0 + 90 * DAY), t0 + 20 * DAY);
  const after = await l.page('o', everything());
  expect(after.total).toBe(3);
  expect(after.items.map((v) => v.label)).toEqual(['r2@1', 'r3@1', 'r1@2']);
});
