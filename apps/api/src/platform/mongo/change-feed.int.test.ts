import { afterAll, expect, it } from 'vitest';
import { useScratchDb } from '../../test-support/scratch-db.ts';
import { makeLogger } from '../logger.ts';
import { makeOutbox } from '../outbox/outbox.ts';
import { makeChangeFeed, makeMirror, type MirrorOptions } from './change-feed.ts';
import { makeVersionedStore } from './versioned-store.ts';

/**
 * Mirrors on the real FerretDB: a process's copy follows changes committed by
 * other processes, sees at once what was committed before a read, applies a
 * commit that lands after its notice, and forgets notices of commits that never land.
 */

interface Item {
  id: string;
  version: number;
  label: string;
}

const mirrors: { close(): void }[] = [];
afterAll(() => {
  for (const m of mirrors) m.close();
});
const scratch = useScratchDb();

const outbox = () => makeOutbox(scratch.db, makeLogger('silent'));
/** One API process's view of the `name` store: its feed, its store (announcing its commits or not), and a mirror. */
function processOn(name: string, { announces = true, ...options }: MirrorOptions & { announces?: boolean } = {}) {
  const feed = makeChangeFeed(scratch.db, name);
  const store = makeVersionedStore<Item>(scratch.db, name, outbox(), announces ? { changes: feed } : {});
  const held = new Map<string, Item>();
  let reads = 0;
  const mirror = makeMirror(
    feed,
    {
      findById: (id) => ((reads += 1), store.findById(id)),
      loadAll: store.loadAll,
    },
    {
      reset: (items) => (held.clear(), items.forEach((i) => held.set(i.id, i))),
      put: (item) => held.set(item.id, item),
    },
    options,
  );
  mirrors.push(mirror);
  return { feed, store, mirror, held, reads: () => reads };
}

const waitUntil = async (done: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return done();
};

it('follows, by polling, a change committed by another process within about a second', async () => {
  const reader = processOn('follow');
  const writer = processOn('follow');
  reader.mirror.start();
  await reader.mirror.fresh();
  expect(await writer.store.create({ id: 'x', version: 1, label: 'first' })).toBe('ok');
  const started = Date.now();
  expect(await waitUntil(() => reader.held.get('x')?.label === 'first', 2_500)).toBe(true);
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(await writer.store.save({ id: 'x', version: 2, label: 'second' })).toBe('ok');
  expect(await waitUntil(() => reader.held.get('x')?.version === 2, 2_500)).toBe(true);
});

it('a read sees at once every change committed before it, from any process', async () => {
  const reader = processOn('fresh');
  const writer = processOn('fresh');
  await writer.store.create({ id: 'old', version: 1, label: 'before start' });
  reader.mirror.start();
  await reader.mirror.fresh();
  expect(reader.held.get('old')?.label).toBe('before start');
  await Promise.all(
    ['a', 'b', 'c'].map(async (id) => {
      await writer.store.create({ id, version: 1, label: `${id}1` });
      await writer.store.save({ id, version: 2, label: `${id}2` });
    }),
  );
  await reader.mirror.fresh();
  expect([...reader.held.values()].map((i) => `${i.id}:${i.version}`).sort()).toEqual(['a:2', 'b:2', 'c:2', 'old:1']);
});

it('applies a commit that lands after its notice was read, with no further notice', async () => {
  const reader = processOn('late');
  const writer = processOn('late');
  // The late commit comes from a store that writes no notice: only the early one announces it.
  const silent = processOn('late', { announces: false });
  await writer.store.create({ id: 'x', version: 1, label: 'first' });
  reader.mirror.start();
  await writer.feed.announce('x', 2);
  await reader.mirror.fresh();
  expect(reader.held.get('x')?.version).toBe(1); // not committed yet: the notice waits
  expect(await silent.store.save({ id: 'x', version: 2, label: 'landed late' })).toBe('ok');
  await reader.mirror.fresh();
  expect(reader.held.get('x')).toMatchObject({ version: 2, label: 'landed late' });
});

it('a mirror starting while a commit is in flight picks the commit up when it lands', async () => {
  const writer = processOn('startup');
  const silent = processOn('startup', { announces: false });
  await writer.store.create({ id: 'x', version: 1, label: 'first' });
  await writer.feed.announce('x', 2);
  const reader = processOn('startup');
  reader.mirror.start();
  await reader.mirror.fresh();
  expect(reader.held.get('x')?.version).toBe(1);
  await silent.store.save({ id: 'x', version: 2, label: 'landed after the scan' });
  await reader.mirror.fresh();
  expect(reader.held.get('x')?.label).toBe('landed after the scan');
});

it('forgets a notice whose commit never lands once its grace has passed', async () => {
  const reader = processOn('lost', { graceMs: 300 });
  const writer = processOn('lost');
  await writer.store.create({ id: 'x', version: 1, label: 'first' });
  reader.mirror.start();
  await reader.mirror.fresh();
  await writer.feed.announce('x', 2); // a writer that died before committing
  await reader.mirror.fresh();
  const checks = reader.reads();
  await reader.mirror.fresh();
  expect(reader.reads()).toBeGreaterThan(checks); // still pending: checked again
  await new Promise((r) => setTimeout(r, 350));
  await reader.mirror.fresh(); // checked a last time, then forgotten
  const afterGrace = reader.reads();
  await reader.mirror.fresh();
  expect(reader.reads()).toBe(afterGrace);
  expect(reader.held.get('x')?.version).toBe(1);
});

it('after racing writers in two processes, every mirror holds each record at its newest version', async () => {
  const one = processOn('race');
  const two = processOn('race');
  one.mirror.start();
  two.mirror.start();
  const ids = Array.from({ length: 8 }, (_, i) => `r${i}`);
  await Promise.all(ids.map((id) => one.store.create({ id, version: 1, label: 'v1' })));
  // Both processes try every next version of every record; one of each pair wins.
  for (let version = 2; version <= 4; version++) {
    await Promise.all(ids.flatMap((id) => [one, two].map((p, i) => p.store.save({ id, version, label: `v${version} by ${i}` }))));
  }
  await Promise.all([one.mirror.fresh(), two.mirror.fresh()]);
  for (const id of ids) {
    const stored = await one.store.findById(id);
    expect(stored?.version).toBe(4);
    expect(one.held.get(id)).toEqual(stored);
    expect(two.held.get(id)).toEqual(stored);
  }
});
