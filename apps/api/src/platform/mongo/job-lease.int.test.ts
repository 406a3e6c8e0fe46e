import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { useScratchDb } from '../../test-support/scratch-db.ts';
import { makeJobLeases } from './job-lease.ts';

/**
 * Job leases on the real FerretDB: of many processes starting one job at
 * once exactly one runs it; nobody starts it while a run is under way; a run
 * whose process died is taken over once its lease ran out; and each run is
 * told where the newest finished run started.
 */

const scratch = useScratchDb();

const processes = (n: number) => Array.from({ length: n }, () => makeJobLeases(scratch.db));

it('of eight processes starting a job at once, exactly one runs it', async () => {
  const job = `job-${randomUUID()}`;
  let runs = 0;
  const results = await Promise.all(
    processes(8).map((leases) =>
      leases.runExclusive(job, 60_000, async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 200));
        return 'done';
      }),
    ),
  );
  expect(runs).toBe(1);
  expect(results.filter((r) => r.ran)).toEqual([{ ran: true, result: 'done' }]);
});

it('nobody starts a job while a run is under way; the next run learns when the finished one started', async () => {
  const job = `job-${randomUUID()}`;
  const [a, b] = processes(2);
  let release!: () => void;
  const blocked = new Promise<void>((resolve) => (release = resolve));
  const first = a!.runExclusive(job, 60_000, async (lastGoodStart) => {
    await blocked;
    return lastGoodStart;
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await b!.runExclusive(job, 60_000, async () => 'overlap')).toEqual({ ran: false });
  release();
  expect(await first).toEqual({ ran: true, result: null });
  const started = (await scratch.db.collection('job_runs').findOne({ _id: `${job}:1` as never }))!['startedAt'] as Date;
  expect(await b!.runExclusive(job, 60_000, async (lastGoodStart) => lastGoodStart)).toEqual({ ran: true, result: started });
});

it('a run whose process died is taken over once its lease ran out, and a failed run counts as not finished', async () => {
  const job = `job-${randomUUID()}`;
  const longAgo = new Date(Date.now() - 3_600_000);
  await scratch.db.collection('job_runs').insertMany([
    {
      _id: `${job}:1` as never,
      job,
      n: 1,
      holder: 'old',
      startedAt: longAgo,
      expiresAt: longAgo,
      lastGoodStart: null,
      finishedAt: longAgo,
    },
    // Process gone mid-run: its lease ended a minute ago.
    {
      _id: `${job}:2` as never,
      job,
      n: 2,
      holder: 'dead',
      startedAt: new Date(Date.now() - 120_000),
      expiresAt: new Date(Date.now() - 60_000),
      lastGoodStart: longAgo,
    },
  ]);
  const [leases] = processes(1);
  await expect(
    leases!.runExclusive(job, 60_000, async () => {
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  // Run 3 failed: run 4 still continues from run 1, the newest that finished.
  expect(await leases!.runExclusive(job, 60_000, async (lastGoodStart) => lastGoodStart)).toEqual({ ran: true, result: longAgo });
  expect(await scratch.db.collection('job_runs').countDocuments({ job })).toBe(4);
});
