import { expect, it } from 'vitest';
import { interceptedDb } from '../../test-support/intercepted-db.ts';
import { useScratchDb } from '../../test-support/scratch-db.ts';
import { makeFoldedStore } from './folded-store.ts';

/**
 * A folded record written by several processes that remember its state (and
 * write from it without reading): every change is kept exactly once, in a
 * gapless sequence, and a stale memory costs a re-read, never a lost change.
 */

const scratch = useScratchDb();
const union = {
  empty: () => ({ items: [] as string[] }),
  apply: (state: { items: string[] }, change: { item: string }) => ({ items: [...state.items, change.item] }),
};

it('keeps every change of four remembering writers racing on one record', async () => {
  const writers = Array.from({ length: 4 }, () => makeFoldedStore(scratch.db, 'fold_race', union, { remember: 100 }));
  const added = writers.flatMap((store, w) => Array.from({ length: 15 }, (_, i) => ({ store, item: `${w}-${i}` })));
  // Each writer first learns the record, so later writes start from a remembered (soon stale) state.
  await Promise.all(writers.map((store, w) => store.change('r', () => ({ item: `seed-${w}` }))));
  await Promise.all(added.map(({ store, item }) => store.change('r', (state) => (state.items.includes(item) ? null : { item }))));
  const fresh = makeFoldedStore(scratch.db, 'fold_race', union);
  const { n, state } = await fresh.read('r');
  expect(n).toBe(4 + 60);
  expect([...state.items].sort()).toEqual([...added.map((a) => a.item), ...[0, 1, 2, 3].map((w) => `seed-${w}`)].sort());
  // A stale memory collides with the newer change and decides again from a fresh read.
  const stale = writers[0]!;
  await writers[1]!.change('r', () => ({ item: 'late' }));
  const result = await stale.change('r', (s) => (s.items.includes('late') ? null : { item: 'late' }));
  expect(result.changed).toBe(false);
  expect((await fresh.read('r')).state.items.filter((i) => i === 'late')).toHaveLength(1);
});

it('a head write that lands late, over a newer one, hides nothing from readers', async () => {
  // Writer A's head writes wait for a gate; writer B changes the record meanwhile.
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const slowHeads = interceptedDb(scratch.db, 'replaceOne', async (name, _args, call) => {
    if (name === 'fold_late') await gate;
    return call();
  });
  const a = makeFoldedStore(slowHeads, 'fold_late', union);
  const b = makeFoldedStore(scratch.db, 'fold_late', union);
  const first = a.change('r', () => ({ item: 'a' })); // change 1 is in; its head write waits
  await expect.poll(async () => (await b.read('r')).n).toBe(1);
  await b.change('r', () => ({ item: 'b' })); // change 2 and head 2
  open(); // head 1 lands over head 2
  await first;
  expect((await b.peek('r')).n).toBe(1);
  expect((await b.read('r')).state.items).toEqual(['a', 'b']);
  expect((await b.peek('r')).n).toBe(2); // the reader wrote the head on
});

it('a writer told to forget what it remembers reads first, and does not collide with the change made elsewhere', async () => {
  let inserts = 0;
  const counted = interceptedDb(scratch.db, 'insertOne', (_name, _args, call) => (inserts++, call()));
  const here = makeFoldedStore(counted, 'fold_forget', union, { remember: 100 });
  const elsewhere = makeFoldedStore(scratch.db, 'fold_forget', union, { remember: 100 });
  await here.change('r', () => ({ item: 'a' }));
  await elsewhere.change('r', () => ({ item: 'b' }));
  here.forget('r');
  inserts = 0;
  expect((await here.change('r', () => ({ item: 'c' }))).state.items).toEqual(['a', 'b', 'c']);
  expect(inserts).toBe(1);
});
