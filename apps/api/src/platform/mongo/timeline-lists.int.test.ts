import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { interceptedDb } from '../../test-support/intercepted-db.ts';
import { useScratchDb } from '../../test-support/scratch-db.ts';
import { makeFoldedStore } from './folded-store.ts';
import { makeTimelineLists, type PagePlan } from './timeline-lists.ts';

/**
 * Timeline lists and the folded store under them, on the real FerretDB: puts
 * racing on one owner and one bucket lose nothing, versions arriving late or
 * twice never bring back an older state, a record that moves between buckets
 * is listed once, a page crossing buckets counts every bucket, and a list
 * with levels of directories converges under random races and reads only
 * the records on the paths to "now" and to the items it shows.
 */

const scratch = useScratchDb();

const DAY = 86_400_000;
const t0 = Date.UTC(2030, 0, 1);
const byMonth = (_owner: string, at: number) => [new Date(at).toISOString().slice(0, 4), new Date(at).toISOString().slice(0, 7)];
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

/** A 3-level synthetic timeline: day numbers grouped by 49 > 7 > 1, keys prefixed by their parent's. */
const levels = (_owner: string, at: number) => {
  const d = Math.floor((at - t0) / DAY);
  const top = String(Math.floor(d / 49)).padStart(2, '0');
  return [top, `${top}-${Math.floor(d / 7) % 7}`, `${top}-${Math.floor(d / 7) % 7}-${d % 7}`];
};
/** The scratch database, recording every record read by `_id` as `<collection>:<id>`. */
function recordingReads() {
  const reads: string[] = [];
  const db = interceptedDb(scratch.db, 'findOne', (name, [filter], call) => {
    reads.push(`${name}:${(filter as { _id: string })._id}`);
    return call();
  });
  return { db, reads };
}
const shuffled = <T>(xs: T[]) =>
  xs
    .map((x) => ({ x, r: Math.random() }))
    .sort((a, b) => a.r - b.r)
    .map(({ x }) => x);

it('levels of directories: random puts, moves, repeats and races converge; pages match a brute-force ordering and read only their paths', async () => {
  const { db, reads } = recordingReads();
  const name = `tl_${randomUUID().slice(0, 6)}`;
  const l = makeTimelineLists<{ id: string; label: string }>(db, name, levels);
  // 60 records, each with 1-4 versions at random days over 150 days (so moving between buckets and directories).
  const groups = ['a', 'b', 'c'];
  const histories = Array.from({ length: 60 }, (_, r) =>
    Array.from({ length: 1 + Math.floor(Math.random() * 4) }, (_, v) =>
      item(`r${String(r).padStart(2, '0')}`, v + 1, t0 + Math.floor(Math.random() * 150 * DAY), groups[(r + v) % 3]),
    ),
  );
  const puts = histories.flatMap((versions) => versions.map((v, i) => ({ v, previousAt: versions[i - 1]?.at })));
  // Every version once in a random order, a third of them twice, in racing batches of 30.
  const all = shuffled([...puts, ...puts.filter((_, i) => i % 3 === 0)]);
  for (let i = 0; i < all.length; i += 30)
    await Promise.all(all.slice(i, i + 30).map(({ v, previousAt }) => l.put(['o'], v, previousAt)));
  const newest = histories.map((versions) => versions.at(-1)!);

  const now = t0 + 75 * DAY + 3_600_000;
  const nowBucket = levels('o', now).at(-1)!;
  const plans: [string, PagePlan<{ id: string; label: string }>, (i: (typeof newest)[number]) => boolean][] = [
    ['all', everything('asc'), () => true],
    ['group b', { ...everything('desc'), count: (_k, c) => c['b'] ?? 0, match: (i) => i.group === 'b' }, (i) => i.group === 'b'],
    [
      'before now',
      {
        ...everything('desc'),
        count: (key, c) => (nowBucket.startsWith(key) ? null : key < nowBucket ? Object.values(c).reduce((a, b) => a + b, 0) : 0),
        match: (i) => i.at < now,
      },
      (i) => i.at < now,
    ],
  ];
  for (const [label, plan, match] of plans)
    for (const order of ['asc', 'desc'] as const) {
      const sign = order === 'asc' ? 1 : -1;
      const expected = newest.filter(match).sort((x, y) => sign * (x.at - y.at) || (x.id < y.id ? -1 : 1));
      for (let round = 0; round < 6; round++) {
        const skip = Math.floor(Math.random() * (expected.length + 3));
        const limit = 1 + Math.floor(Math.random() * 12);
        reads.length = 0;
        const page = await l.page('o', { ...plan, order, skip, limit });
        const shown = expected.slice(skip, skip + limit);
        expect({ label, order, skip, limit, ...page }).toEqual({
          label,
          order,
          skip,
          limit,
          total: expected.length,
          items: shown.map((i) => i.value),
        });
        // The root, the directories on the paths to the buckets read, and those buckets: those of the shown items, and "now"'s.
        const paths = [...shown.map((i) => levels('o', i.at)), ...(label === 'before now' ? [levels('o', now)] : [])];
        const expectedReads = new Set([`${name}_directories:o`]);
        for (const path of paths) {
          path.slice(0, -1).forEach((key) => expectedReads.add(`${name}_directories:o|${key}`));
          expectedReads.add(`${name}_buckets:o|${path.at(-1)}`);
        }
        // (A head read is `<collection>:<id>`; rolling one forward reads `<collection>_changes:<id>:<n>`.)
        const records = reads.map((r) => r.replace(/_changes:(.*):\d+$/, ':$1'));
        expect(
          records.filter((r) => !expectedReads.has(r)),
          `${label} ${order} ${skip}+${limit}`,
        ).toEqual([]);
        // Each head at most twice: a peek, and a roll forward when it lags behind its directory's entry.
        const heads = reads.filter((r) => !r.includes('_changes:'));
        expect(heads.filter((r) => heads.filter((h) => h === r).length > 2)).toEqual([]);
      }
    }
  // The directories add up: the root's counts are the newest versions' groups.
  const total = await l.page('o', everything());
  expect(total.total).toBe(newest.length);
});

it('levels of directories: putMany and importMany build the same lists as puts', async () => {
  const entries = Array.from({ length: 40 }, (_, i) => ({
    owners: ['o', `p${i % 2}`],
    item: item(`r${String(i).padStart(2, '0')}`, 1, t0 + ((i * 37) % 150) * DAY, i % 4 ? 'open' : 'closed'),
  }));
  const [viaPut, viaPutMany, viaImport] = [0, 1, 2].map(() =>
    makeTimelineLists<{ id: string; label: string }>(scratch.db, `tl_${randomUUID().slice(0, 6)}`, levels),
  );
  await Promise.all(entries.map(({ owners, item }) => viaPut!.put(owners, item)));
  await viaPutMany!.putMany(entries);
  await viaImport!.importMany(entries);
  const closed: PagePlan<{ id: string; label: string }> = {
    ...everything('desc'),
    count: (_k, c) => c['closed'] ?? 0,
    match: (i) => i.group === 'closed',
  };
  for (const owner of ['o', 'p0', 'p1'])
    for (const plan of [everything('asc'), { ...everything('desc'), skip: 5, limit: 7 }, closed]) {
      const pages = await Promise.all([viaPut, viaPutMany, viaImport].map((l) => l!.page(owner, plan)));
      expect(pages[1]).toEqual(pages[0]);
      expect(pages[2]).toEqual(pages[0]);
    }
  expect((await viaImport!.page('o', everything())).total).toBe(40);
  // An imported list takes later puts: a move out of the imported bucket and directories.
  await viaImport!.put(['o'], item('r00', 2, t0 + 149 * DAY, 'closed'), t0);
  const after = await viaImport!.page('o', everything('desc'));
  expect(after.total).toBe(40);
  expect(after.items[0]).toEqual({ id: 'r00', label: 'r00@2' });
  expect((await viaImport!.page('o', closed)).total).toBe(10);
});
