import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { afterAll, expect, it } from 'vitest';
import { useScratchDb } from '../../test-support/scratch-db.ts';
import { makeLogger } from '../logger.ts';
import { makeJobLeases, type JobLeases } from '../mongo/job-lease.ts';
import type { SideEffect } from '../side-effect.ts';
import { makeOutbox } from './outbox.ts';
import { makeScheduledEffects, MAX_LATE_MS } from './scheduled-effects.ts';

/**
 * Scheduled effects on the real FerretDB: whichever processes run the wheel,
 * at once or one after another, and even when a run overlaps another that lost
 * its lease, every item fires exactly once when its time has come; a new
 * process (a restart) fires nothing again; scheduling one uid twice keeps one
 * item; an item that decides nothing records nothing; a late item is dropped;
 * a failed decision is retried by the next run.
 */

const scratch = useScratchDb();
const MINUTE = 60_000;
/** A database per test: each has its own wheel (log, fired items, job runs). */
const dbs: Db[] = [];
const freshDb = () => dbs[dbs.push(scratch.client.db(`it_${randomUUID().slice(0, 8)}`)) - 1]!;
afterAll(async () => {
  await Promise.all(dbs.map((db) => db.dropDatabase().catch(() => {})));
});

/** One clock for every "process" of a test, moved by hand. */
function testClock() {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) };
}

/** A lease that never refuses: a run going on while another still works (a lease that ran out). */
const noLease: JobLeases = {
  ensureIndexes: async () => {},
  runExclusive: async (_job, _ms, work) => ({ ran: true, result: await work(null) }),
};

const echo = async (payload: Record<string, unknown>): Promise<SideEffect[]> => [{ type: 'test', payload }];

/** An API process's worth on `db`: its own outbox and wheel, delivering the names of what fired into `delivered`. */
function process(
  db: Db,
  clock: { now(): Date },
  delivered: string[],
  options: { decide?: typeof echo; leases?: JobLeases } = {},
) {
  const outbox = makeOutbox(db, makeLogger('silent'), clock);
  outbox.register('test', async (payload) => void delivered.push(payload['name'] as string));
  const wheel = makeScheduledEffects(db, outbox, options.leases ?? makeJobLeases(db, clock), clock);
  wheel.register('test', options.decide ?? echo);
  /** Runs the wheel and waits for what it fired to be delivered. */
  const run = async () => {
    const { fired } = await wheel.run();
    await outbox.drain();
    return fired;
  };
  return { wheel, run };
}

const counts = (names: string[]) => names.reduce<Record<string, number>>((c, n) => ({ ...c, [n]: (c[n] ?? 0) + 1 }), {});

it('two processes running at once, and again after a restart, fire each due item once, and only once it is due', async () => {
  const db = freshDb();
  const clock = testClock();
  const delivered: string[] = [];
  const [a, b] = [process(db, clock, delivered), process(db, clock, delivered)];
  const items = Array.from({ length: 12 }, (_, i) => ({ name: `item-${i}`, at: new Date(clock.now().getTime() + i * MINUTE) }));
  // Spread over the next 12 minutes, scheduled from both processes; the first four twice.
  const schedule = (p: typeof a, { name, at }: (typeof items)[number]) => p.wheel.schedule(at, 'test', { name }, `uid-${name}`);
  await Promise.all(items.map((item, i) => schedule(i % 2 ? a : b, item)));
  await Promise.all(items.slice(0, 4).map((item) => schedule(a, item)));
  // Twelve items (beside them, each item's uid claim).
  expect(await db.collection('scheduled_effects').countDocuments({ entry: { $exists: true } })).toBe(12);

  const first = await Promise.all([a.run(), b.run()]);
  expect(first[0] + first[1]).toBe(1); // only item-0 is due
  clock.advance(6 * MINUTE + 1_000);
  await Promise.all([a.run(), b.run()]);
  expect(Object.keys(counts(delivered)).sort()).toEqual(
    items
      .slice(0, 7)
      .map((i) => i.name)
      .sort(),
  );
  clock.advance(10 * MINUTE);
  await Promise.all([b.run(), a.run()]);
  const restarted = process(db, clock, delivered);
  expect(await restarted.run()).toBe(0);
  expect(counts(delivered)).toEqual(Object.fromEntries(items.map((i) => [i.name, 1])));
  expect(await db.collection('scheduled_fired').countDocuments()).toBe(12);
});

it('runs that overlap (a lease that ran out) still fire each item once, and deliver its effects once', async () => {
  const db = freshDb();
  const clock = testClock();
  const delivered: string[] = [];
  const racers = Array.from({ length: 4 }, () => process(db, clock, delivered, { leases: noLease }));
  const names = Array.from({ length: 10 }, (_, i) => `race-${i}`);
  await Promise.all(names.map((name) => racers[0]!.wheel.schedule(clock.now(), 'test', { name }, name)));
  const fired = await Promise.all(racers.map((r) => r.run()));
  expect(fired.reduce((x, y) => x + y)).toBe(10);
  expect(counts(delivered)).toEqual(Object.fromEntries(names.map((n) => [n, 1])));
  expect(await db.collection('outbox').countDocuments()).toBe(0);
});

it('an item scheduled for a minute a run already read fires on the next run; one hours late is dropped', async () => {
  const db = freshDb();
  const clock = testClock();
  const delivered: string[] = [];
  const p = process(db, clock, delivered);
  expect(await p.run()).toBe(0);
  const ago = (ms: number) => new Date(clock.now().getTime() - ms);
  await p.wheel.schedule(ago(2 * MINUTE), 'test', { name: 'past' }, 'past');
  await p.wheel.schedule(ago(MAX_LATE_MS + MINUTE), 'test', { name: 'too-late' }, 'too-late');
  expect(await p.run()).toBe(1);
  expect(delivered).toEqual(['past']);
  expect(await db.collection('scheduled_fired').countDocuments()).toBe(1);
});

it('an item that decides nothing records nothing; a decision that failed is tried again by the next run', async () => {
  const db = freshDb();
  const clock = testClock();
  const delivered: string[] = [];
  let failures = 1;
  const decide = async (payload: Record<string, unknown>) => {
    if (payload['name'] === 'flaky' && failures-- > 0) throw new Error('state unreadable');
    return payload['name'] === 'nothing' ? [] : echo(payload);
  };
  const p = process(db, clock, delivered, { decide });
  await p.wheel.schedule(clock.now(), 'test', { name: 'nothing' }, 'nothing');
  await p.wheel.schedule(clock.now(), 'test', { name: 'flaky' }, 'flaky');
  await expect(p.run()).rejects.toThrow('1 scheduled effects failed');
  expect(await db.collection('scheduled_fired').countDocuments()).toBe(0);
  expect(await db.collection('outbox').countDocuments()).toBe(0);
  clock.advance(MINUTE);
  expect(await p.run()).toBe(1);
  expect(delivered).toEqual(['flaky']);
  expect(await db.collection('scheduled_fired').findOne({ _id: 'nothing' as never })).toBeNull();
});
