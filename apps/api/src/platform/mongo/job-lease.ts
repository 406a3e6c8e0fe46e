import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { insertOrFail } from './mongo.ts';

interface RunDoc {
  _id: string; // `<job>:<n>`
  job: string;
  n: number;
  holder: string;
  startedAt: Date;
  expiresAt: Date;
  /** When the newest run before this one that finished had started (null: none did). */
  lastGoodStart: Date | null;
  finishedAt?: Date;
  failedAt?: Date;
}

/** Run documents kept per job (older ones are deleted by the run that finishes). */
const KEEP_RUNS = 20;

/**
 * Periodic jobs that only one process may run at a time (FerretDB has no
 * atomic conditional update, so a lease is insert-only, like the outbox's
 * attempt leases). Runs of a job are numbered: the run after n inserts
 * `<job>:<n+1>` (insert-or-fail: one process wins), and only once run n has
 * finished, failed, or outlived its lease (a crashed process). The holder
 * extends its lease while it works, and only it writes its run document.
 */
export function makeJobLeases(db: Db, clock: { now(): Date } = { now: () => new Date() }) {
  const runs = db.collection<RunDoc>('job_runs');
  const holder = randomUUID();
  return {
    async ensureIndexes() {
      await runs.createIndex({ job: 1, n: -1 }, { name: 'job_n' });
    },
    /**
     * Runs `work` unless another run of `job` is under way (then returns
     * `{ ran: false }`). `work` gets the start of the newest run that
     * finished, for work that continues where it stopped.
     */
    async runExclusive<T>(
      job: string,
      leaseMs: number,
      work: (lastGoodStart: Date | null) => Promise<T>,
    ): Promise<{ ran: true; result: T } | { ran: false }> {
      const now = clock.now();
      const [last] = await runs.find({ job }).sort({ n: -1 }).limit(1).toArray();
      if (last && !last.finishedAt && !last.failedAt && last.expiresAt > now) return { ran: false };
      const n = (last?.n ?? 0) + 1;
      const run: RunDoc = {
        _id: `${job}:${n}`,
        job,
        n,
        holder,
        startedAt: now,
        expiresAt: new Date(now.getTime() + leaseMs),
        lastGoodStart: last ? (last.finishedAt ? last.startedAt : last.lastGoodStart) : null,
      };
      if ((await insertOrFail(runs, run)) === 'duplicate') return { ran: false };
      // One write at a time to the run document: two concurrent $sets on FerretDB can lose one.
      let writing: Promise<unknown> = Promise.resolve();
      const write = (fields: Partial<RunDoc>) =>
        (writing = writing.catch(() => {}).then(() => runs.updateOne({ _id: run._id }, { $set: fields })));
      const extend = setInterval(() => {
        write({ expiresAt: new Date(clock.now().getTime() + leaseMs) }).catch(() => {});
      }, leaseMs / 3);
      extend.unref();
      const end = (fields: Partial<RunDoc>) => {
        clearInterval(extend);
        return write(fields);
      };
      try {
        const result = await work(run.lastGoodStart);
        await end({ finishedAt: clock.now() });
        await runs.deleteMany({ job, n: { $lte: n - KEEP_RUNS } });
        return { ran: true, result };
      } catch (error) {
        await end({ failedAt: clock.now() }).catch(() => {});
        throw error;
      }
    },
  };
}
export type JobLeases = ReturnType<typeof makeJobLeases>;
