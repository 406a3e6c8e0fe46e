import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { JobLeases } from '../mongo/job-lease.ts';
import { insertOrFail } from '../mongo/mongo.ts';
import { makeSequencedLog } from '../mongo/sequenced-log.ts';
import type { SideEffect } from '../side-effect.ts';
import type { Outbox } from './outbox.ts';

/** What an item does when its time comes, decided then from the current state ([] = nothing). */
export type DecideEffects = (payload: Record<string, unknown>, ctx: { dueAt: Date; now: Date }) => Promise<SideEffect[]>;

interface Item {
  uid: string;
  type: string;
  payload: Record<string, unknown>;
  at: Date;
}

const MINUTE_MS = 60_000;
/** An item first looked at more than this after its time is dropped: a reminder hours late helps nobody. */
export const MAX_LATE_MS = 6 * 3_600_000;
/**
 * A run reads the minutes from this long before the last finished run started: that run may
 * have read a minute before an item was appended to it, and processes' clocks differ a little.
 */
const OVERLAP_MS = 5 * MINUTE_MS;
const LEASE_MS = 2 * MINUTE_MS;
/** Minutes read in parallel. */
const PARALLEL = 20;
const JOB = 'scheduled-effects';

/** The UTC minute of a time, e.g. `2026-12-01T09:14`: the key of its bucket. */
const minuteOf = (ms: number) => new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS).toISOString().slice(0, 16);

/**
 * Effects that happen at a time (reminders), exactly once across processes
 * and restarts, on insert-or-fail keys only (decision 0020): a timer wheel.
 *
 * `schedule` appends an item to the sequenced log of its UTC minute (the
 * minute it is due, or the current one if that has passed), once per uid and
 * minute. A `run` (one process at a time, under a job lease) reads the minutes
 * from where the last finished run started (minus an overlap) up to now, each
 * by `_id`, and fires every item that is due: it asks the item's type what to
 * do now (`decide` reads the current state), enqueues those effects in the
 * outbox committed by `scheduled_fired._id = <uid>` inserted after the
 * enqueue, and delivers them only if that insert won. So an item fires at most
 * once whoever runs it, however often it was scheduled, and what it fires is
 * delivered with the outbox's retries; a crash between the two inserts leaves
 * an entry whose change never commits (the outbox drops it) and an item the
 * next run fires. A run that failed on some item does not count as finished,
 * so the next run looks back far enough to retry it.
 */
export function makeScheduledEffects(
  db: Db,
  outbox: Outbox,
  leases: JobLeases,
  clock: { now(): Date },
  options: { onError?: (error: unknown) => void } = {},
) {
  const log = makeSequencedLog<Item>(db, 'scheduled_effects', { blockSize: 50, cache: 10_000 });
  const fired = db.collection<{ _id: string; changeId: string; type: string; at: Date }>('scheduled_fired');
  const deciders = new Map<string, DecideEffects>();
  /** Uids this process has seen fired or decided: not looked at again. */
  const settled = new Set<string>();
  const settle = (uid: string) => {
    settled.add(uid);
    if (settled.size > 50_000) settled.delete(settled.values().next().value!);
  };
  let running: Promise<{ fired: number }> | undefined;
  let timer: NodeJS.Timeout | undefined;

  /** Fires one due item unless it fired before; true when this call fired it. */
  async function fire(item: Item, now: Date): Promise<boolean> {
    if (settled.has(item.uid)) return false;
    if (now.getTime() - item.at.getTime() > MAX_LATE_MS || (await fired.findOne({ _id: item.uid }, { projection: { _id: 1 } }))) {
      settle(item.uid);
      return false;
    }
    const decide = deciders.get(item.type);
    if (!decide) throw new Error(`no decider for scheduled ${item.type}`);
    const changeId = randomUUID();
    const entry = await outbox.enqueue(await decide(item.payload, { dueAt: item.at, now }), {
      collection: 'scheduled_fired',
      id: item.uid,
      changeId,
    });
    const won = entry && (await insertOrFail(fired, { _id: item.uid, changeId, type: item.type, at: now }));
    settle(item.uid);
    if (won === 'ok') outbox.kick(entry);
    else outbox.discard(entry); // nothing to do now, or another run fired it first
    return won === 'ok';
  }

  /** Fires the due items of one minute; failures are collected, not thrown, so the others still fire. */
  async function fireMinute(key: string, now: Date, failures: unknown[]): Promise<number> {
    const tail = await log.tail(key);
    if (!tail) return 0;
    const due = (await log.readRange(key, 1, tail)).filter((item): item is Item => !!item && item.at <= now);
    const results = await Promise.allSettled(due.map((item) => fire(item, now)));
    for (const r of results) if (r.status === 'rejected') failures.push(r.reason);
    return results.filter((r) => r.status === 'fulfilled' && r.value).length;
  }

  async function runOnce() {
    const outcome = await leases.runExclusive(JOB, LEASE_MS, async (lastGoodStart) => {
      const now = clock.now();
      // (A last start "ahead" of this clock is another process's skew: this one still reads the overlap.)
      const lastStart = Math.min(lastGoodStart?.getTime() ?? 0, now.getTime());
      const from = Math.max(now.getTime() - MAX_LATE_MS, lastStart - OVERLAP_MS);
      const minutes: string[] = [];
      for (let t = Math.floor(from / MINUTE_MS) * MINUTE_MS; t <= now.getTime(); t += MINUTE_MS) minutes.push(minuteOf(t));
      const failures: unknown[] = [];
      let count = 0;
      for (let i = 0; i < minutes.length; i += PARALLEL) {
        const counts = await Promise.all(minutes.slice(i, i + PARALLEL).map((key) => fireMinute(key, now, failures)));
        count += counts.reduce((a, b) => a + b, 0);
      }
      // Not finished: the next run starts from an earlier finished one and tries these again.
      if (failures.length) throw new AggregateError(failures, `${failures.length} scheduled effects failed (${count} fired)`);
      return count;
    });
    return { fired: outcome.ran ? outcome.result : 0 };
  }
  const run = (): Promise<{ fired: number }> => (running ??= runOnce().finally(() => (running = undefined)));

  return {
    /** What items of `type` do when due; every process that may run the wheel registers every type. */
    register(type: string, decide: DecideEffects) {
      deciders.set(type, decide);
    },
    /**
     * Schedules an item for `at` (a past time: the next run). Idempotent by `uid` for a time
     * ahead: scheduling it again keeps one item; however often it is scheduled, it fires once.
     */
    async schedule(at: Date, type: string, payload: Record<string, unknown>, uid: string): Promise<void> {
      const minute = minuteOf(Math.max(at.getTime(), clock.now().getTime()));
      await log.appendOnce(minute, uid, { uid, type, payload, at });
    },
    /** Fires every item whose time has come; `{fired: 0}` when another process is running it now. */
    run,
    /** Runs every `intervalMs` (the precision of an item's time). */
    start(intervalMs = 20_000) {
      timer = setInterval(() => void run().catch((error) => options.onError?.(error)), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
export type ScheduledEffects = ReturnType<typeof makeScheduledEffects>;
