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

interface EntryDoc extends SideEffect {
  _id: string;
  commit: CommitRef;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
  failedAt?: Date;
}

/** A delivery attempt is held this long before another process may take it over. */
const LEASE_MS = 2 * 60_000;
/** An entry whose change is still not committed after this long belongs to a change that never happened. */
const COMMIT_GRACE_MS = 60_000;
const MAX_ATTEMPTS = 15;
const BATCH = 50;

/** Seconds before attempt n+1: 2, 4, 8 ... capped at an hour. */
export const backoffMs = (attempts: number) => Math.min(2 ** attempts * 1_000, 3_600_000);

/**
 * The durable outbox. Entries are inserted before the change they belong to
 * (keyed by the change id), and delivered only once that change is found
 * committed; entries of changes that lost a race or crashed are dropped.
 * Exactly once per entry across processes and restarts: an attempt is taken
 * by inserting `<entry>:<attempt>` into outbox_leases (one winner), and a
 * delivered entry leaves a marker in outbox_done before it is deleted.
 */
export function makeOutbox(db: Db, logger: Logger, clock: { now(): Date } = { now: () => new Date() }) {
  const entries = db.collection<EntryDoc>('outbox');
  const leases = db.collection<{ _id: string; at: Date }>('outbox_leases');
  const done = db.collection<{ _id: string; at: Date }>('outbox_done');
  const handlers = new Map<string, EffectHandler>();
  let timer: NodeJS.Timeout | undefined;
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
  const reschedule = (entry: EntryDoc, n: number, delayMs: number, error?: string) =>
    entries.updateOne(
      { _id: entry._id },
      {
        $set: {
          attempts: n,
          nextAttemptAt: new Date(clock.now().getTime() + delayMs),
          ...(error ? { lastError: error.slice(0, 500) } : {}),
          ...(error && n >= MAX_ATTEMPTS ? { failedAt: clock.now() } : {}),
        },
      },
    );

  async function deliver(entry: EntryDoc) {
    const now = clock.now();
    const n = await takeAttempt(entry, now);
    if (n === null) return;
    if (await done.findOne({ _id: entry._id })) return void (await entries.deleteOne({ _id: entry._id }));
    const committed = await isCommitted(entry.commit);
    if (committed === 'never' || (committed === 'not-yet' && now.getTime() - entry.createdAt.getTime() > COMMIT_GRACE_MS)) {
      await entries.deleteOne({ _id: entry._id });
      return;
    }
    if (committed === 'not-yet') return void (await reschedule(entry, n, 1_000));
    const handler = handlers.get(entry.type);
    try {
      if (!handler) throw new Error(`no handler for ${entry.type}`);
      await handler(entry.payload, { entryId: entry._id });
    } catch (err) {
      logger.warn({ err, entry: entry._id, type: entry.type, attempt: n }, 'side effect failed; will retry');
      await reschedule(entry, n, backoffMs(n), err instanceof Error ? err.message : String(err));
      return;
    }
    await insertOrFail(done, { _id: entry._id, at: clock.now() });
    await entries.deleteOne({ _id: entry._id });
  }

  async function drainOnce() {
    do {
      again = false;
      const due = await entries
        .find({ nextAttemptAt: { $lte: clock.now() }, failedAt: { $exists: false } })
        .sort({ nextAttemptAt: 1 })
        .limit(BATCH)
        .toArray();
      await Promise.all(due.map((e) => deliver(e).catch((err) => logger.error({ err, entry: e._id }, 'outbox delivery'))));
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
    },
    register(type: string, handler: EffectHandler) {
      handlers.set(type, handler);
    },
    /** Records effects of a change about to be committed at `commit`; call before writing the change. */
    async enqueue(effects: SideEffect[], commit: CommitRef) {
      if (!effects.length) return;
      const now = clock.now();
      await entries.insertMany(
        effects.map((e, i) => ({
          _id: `${commit.changeId}:${i}`,
          ...e,
          commit,
          createdAt: now,
          attempts: 0,
          nextAttemptAt: now,
        })),
      );
    },
    /** Delivers what is due now, in this process (called after a commit; the poll loop catches the rest). */
    kick() {
      void drain();
    },
    drain,
    start(intervalMs = 1_000) {
      timer = setInterval(() => void drain(), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await draining;
    },
    /** Forgets lease and delivery markers older than `before` (housekeeping). */
    async purgeBefore(before: Date) {
      const [l, d] = await Promise.all([leases.deleteMany({ at: { $lt: before } }), done.deleteMany({ at: { $lt: before } })]);
      return l.deletedCount + d.deletedCount;
    },
  };
}
export type Outbox = ReturnType<typeof makeOutbox>;
