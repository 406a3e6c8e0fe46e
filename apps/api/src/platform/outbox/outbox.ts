import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { insertOrFail } from '../mongo/mongo.ts';
import type { SideEffect } from '../side-effect.ts';

/** Where the change an entry belongs to is recorded: a document whose `changeId` must match. */
export interface CommitRef {
  collection: string;
  id: string;
  changeId: string;
}

export type EffectHandler = (payload: Record<string, unknown>, context: { entryId: string }) => Promise<void>;

/** One entry per change: its effects, and the indexes of those already delivered. */
interface EntryDoc {
  _id: string;
  effects: SideEffect[];
  delivered: number[];
  commit: CommitRef;
  createdAt: Date;
  /** Attempts taken so far; attempt 1 belongs to the process that committed the change. */
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
  failedAt?: Date;
}

/** An attempt is held this long (SMTP waits are bounded well below it) before another process may take over. */
const LEASE_MS = 2 * 60_000;
/** An entry whose change is still not committed after this long belongs to a change that never happened. */
const COMMIT_GRACE_MS = 60_000;
const MAX_ATTEMPTS = 15;
const BATCH = 50;

/** Milliseconds before attempt n+1: 2 s, 4 s, 8 s ... capped at an hour. */
const backoffMs = (attempts: number) => Math.min(2 ** attempts * 1_000, 3_600_000);

/**
 * The durable outbox. A change's effects are inserted as one entry before the
 * change is committed (keyed by the change id). The process that commits the
 * change delivers them at once (attempt 1, no look-ups); anything else
 * (failures, crashes) is picked up by any process's poll loop once due, and
 * delivered only if the change is found committed: entries of changes that
 * lost a race or never happened are dropped.
 *
 * Exactly once per effect across processes and restarts: attempt n > 1 is
 * taken by inserting `<entry>:<n>` into outbox_leases (one winner), a failed
 * attempt records which effects it already delivered, and a delivered entry is
 * deleted (in small batches: the collection only holds what is undelivered).
 * Only a crash between an effect's delivery and that record can repeat it,
 * so each handler gets a stable id (`<change>:<index>`): audit entries use it
 * as their key, e-mails as their Message-ID.
 */
export function makeOutbox(db: Db, logger: Logger, clock: { now(): Date } = { now: () => new Date() }) {
  const entries = db.collection<EntryDoc>('outbox');
  const leases = db.collection<{ _id: string; at: Date }>('outbox_leases');
  const handlers = new Map<string, EffectHandler>();
  const inFlight = new Set<Promise<unknown>>();
  const deliveredIds = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let forgetTimer: NodeJS.Timeout | undefined;
  let draining: Promise<void> | undefined;
  let again = false;

  async function isCommitted(ref: CommitRef): Promise<'yes' | 'not-yet' | 'never'> {
    const doc = await db.collection<{ _id: string; changeId?: string }>(ref.collection).findOne({ _id: ref.id });
    if (!doc) return 'not-yet';
    return doc.changeId === ref.changeId ? 'yes' : 'never';
  }

  /** Takes the next free attempt number, or null while another process holds a live lease. */
  async function takeAttempt(entry: EntryDoc, now: Date): Promise<number | null> {
    for (let n = entry.attempts + 1; n <= entry.attempts + 5; n++) {
      if ((await insertOrFail(leases, { _id: `${entry._id}:${n}`, at: now })) === 'ok') return n;
      const lease = await leases.findOne({ _id: `${entry._id}:${n}` });
      if (lease && now.getTime() - lease.at.getTime() < LEASE_MS) return null;
    }
    return null;
  }

  // Only the holder of attempt n writes the entry, so these updates have a single writer.
  const reschedule = (entry: EntryDoc, n: number, delayMs: number, failure?: { error: string; delivered: number[] }) =>
    entries.updateOne(
      { _id: entry._id },
      {
        $set: {
          attempts: n,
          nextAttemptAt: new Date(clock.now().getTime() + delayMs),
          ...(failure ? { lastError: failure.error.slice(0, 500), delivered: failure.delivered } : {}),
          ...(failure && n >= MAX_ATTEMPTS ? { failedAt: clock.now() } : {}),
        },
      },
    );

  /** Deletes delivered entries in one statement; the ids stay marked (and skipped) until that succeeds. */
  async function forgetDelivered() {
    clearTimeout(forgetTimer);
    forgetTimer = undefined;
    const ids = [...deliveredIds];
    if (!ids.length) return;
    await entries.deleteMany({ _id: { $in: ids } });
    for (const id of ids) deliveredIds.delete(id);
  }

  /** Deliveries finishing close together are forgotten in one delete. */
  function forgetSoon() {
    forgetTimer ??= setTimeout(() => void forgetDelivered().catch((err) => logger.error({ err }, 'outbox cleanup')), 200);
  }

  /** Runs attempt `n` of an entry whose change is known committed. */
  async function runEffects(entry: EntryDoc, n: number) {
    // Effects are independent: one that fails (a mail) does not hold back the others (an audit entry).
    const delivered = [...entry.delivered];
    let failure: string | undefined;
    for (const [i, effect] of entry.effects.entries()) {
      if (delivered.includes(i)) continue;
      try {
        const handler = handlers.get(effect.type);
        if (!handler) throw new Error(`no handler for ${effect.type}`);
        await handler(effect.payload, { entryId: `${entry._id}:${i}` });
        delivered.push(i);
      } catch (err) {
        logger.warn({ err, entry: entry._id, type: effect.type, attempt: n }, 'side effect failed; will retry');
        failure ??= err instanceof Error ? err.message : String(err);
      }
    }
    if (failure) return void (await reschedule(entry, n, backoffMs(n), { error: failure, delivered }));
    deliveredIds.add(entry._id);
  }

  /** A due entry found by the poll loop: take an attempt, check its change, deliver. */
  async function retry(entry: EntryDoc) {
    const now = clock.now();
    const n = await takeAttempt(entry, now);
    if (n === null) return;
    const committed = await isCommitted(entry.commit);
    if (committed === 'never' || (committed === 'not-yet' && now.getTime() - entry.createdAt.getTime() > COMMIT_GRACE_MS)) {
      deliveredIds.add(entry._id); // nothing to deliver: forget it
      return;
    }
    if (committed === 'not-yet') return void (await reschedule(entry, n, 1_000));
    await runEffects(entry, n);
  }

  async function drainOnce() {
    do {
      again = false;
      const due = (
        await entries
          .find({ nextAttemptAt: { $lte: clock.now() }, failedAt: { $exists: false } })
          .sort({ nextAttemptAt: 1 })
          .limit(BATCH)
          .toArray()
      ).filter((e) => !deliveredIds.has(e._id));
      await Promise.all(due.map((e) => retry(e).catch((err) => logger.error({ err, entry: e._id }, 'outbox delivery'))));
      await forgetDelivered();
      if (due.length === BATCH) again = true;
    } while (again);
  }

  function drain(): Promise<void> {
    if (draining) {
      again = true;
      return draining;
    }
    draining = drainOnce()
      .catch((err) => logger.error({ err }, 'outbox drain failed'))
      .finally(() => (draining = undefined));
    return draining;
  }

  return {
    async ensureIndexes() {
      await entries.createIndex({ nextAttemptAt: 1 }, { name: 'due' });
      await leases.createIndex({ at: 1 }, { name: 'at' }); // purgeBefore
    },
    register(type: string, handler: EffectHandler) {
      handlers.set(type, handler);
    },
    /**
     * Records the effects of a change about to be committed at `commit`; call before writing the
     * change, then `kick` the returned entry once the change is committed. Until its lease ends,
     * the entry belongs to this process: the poll loops leave it alone.
     */
    async enqueue(effects: SideEffect[], commit: CommitRef): Promise<EntryDoc | null> {
      if (!effects.length) return null;
      const now = clock.now();
      const entry: EntryDoc = {
        _id: commit.changeId,
        effects,
        delivered: [],
        commit,
        createdAt: now,
        attempts: 1,
        nextAttemptAt: new Date(now.getTime() + LEASE_MS),
      };
      await entries.insertOne(entry);
      return entry;
    },
    /** Delivers at once (attempt 1) the entry of a change this process has just committed. */
    kick(entry: EntryDoc | null) {
      if (!entry) return;
      const delivery = runEffects(entry, 1)
        .then(forgetSoon)
        .catch((err) => logger.error({ err, entry: entry._id }, 'outbox delivery'))
        .finally(() => inFlight.delete(delivery));
      inFlight.add(delivery);
    },
    /** Drops the entry of a change that lost its race (no need to wait for the poll loop to find that out). */
    discard(entry: EntryDoc | null) {
      if (!entry) return;
      deliveredIds.add(entry._id);
      forgetSoon();
    },
    /** Waits for this process's deliveries under way (kicked at commit), then delivers every due entry. */
    async drain() {
      await Promise.all(inFlight);
      await drain();
    },
    start(intervalMs = 1_000) {
      timer = setInterval(() => void drain(), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await Promise.all([draining, ...inFlight]);
      await forgetDelivered();
    },
    /** Forgets attempt leases older than `before` (housekeeping). */
    async purgeBefore(before: Date) {
      return (await leases.deleteMany({ at: { $lt: before } })).deletedCount;
    },
  };
}
export type Outbox = ReturnType<typeof makeOutbox>;
