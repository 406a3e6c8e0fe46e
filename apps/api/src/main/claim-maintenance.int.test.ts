import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeMongoClaimRepository } from '../modules/scheduling/infrastructure/mongo-claim.repository.ts';
import { startTestApi, type TestApi } from '../test-support/test-api.ts';

/**
 * The claims' upkeep on two API processes sharing one database: one process
 * runs it at a time, it frees claims no appointment holds (once they have
 * settled), picks up where the last finished run stopped, deletes claims of
 * past time (in batches), and rebuilds the busy index from recent and future
 * cells only.
 */

let one: TestApi;
let two: TestApi;
beforeAll(async () => {
  one = await startTestApi();
  two = await startTestApi({}, undefined, { dbName: one.dbName });
});
afterAll(async () => {
  await two?.stop();
  await one?.stop();
});

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
const claims = () =>
  one.db.collection<{ _id: string; ownerId: string; cell: Date; holdId: string; token: string; createdAt: Date }>('time_claims');
/** A claim as a booking that crashed before storing its appointment leaves it. */
function orphan(cell: Date, holdId = `crashed-${randomUUID()}`, createdAt = one.clock.now()) {
  return { _id: `doc-1:${cell.toISOString()}`, ownerId: 'doc-1', cell, holdId, token: randomUUID(), createdAt };
}
const cellAt = (ms: number) => new Date(Math.floor(ms / (5 * MINUTE)) * 5 * MINUTE);
const advance = (ms: number) => [one, two].forEach((api) => api.clock.advance(ms));

it('runs in one process at a time, and frees a crashed booking’s claims once they have settled', async () => {
  const crashed = orphan(cellAt(Date.now() + 2 * DAY));
  await claims().insertOne(crashed);
  // Too fresh: the booking may still be under way.
  expect((await one.container.claimMaintenance.run()).ran).toBe(true);
  expect(await claims().countDocuments({ _id: crashed._id })).toBe(1);

  advance(10 * MINUTE);
  const [a, b, c] = await Promise.all([
    one.container.claimMaintenance.run(),
    one.container.claimMaintenance.run(), // the same process again: joins the run under way
    two.container.claimMaintenance.run(),
  ]);
  expect(a).toBe(b);
  expect([a.ran, c.ran].filter(Boolean)).toHaveLength(1);
  expect((a.ran ? a : c).ran && (a.ran ? a : c)).toMatchObject({ result: { released: 1 } });
  expect(await claims().countDocuments({ _id: crashed._id })).toBe(0);
  expect(await one.db.collection('job_runs').countDocuments()).toBe(2);
});

it('each run continues from the last finished one: a claim made between runs is looked at once settled, older ones not again', async () => {
  const later = orphan(cellAt(Date.now() + 3 * DAY));
  // Made (as far as its createdAt says) long before the last run: earlier runs' business, not this one's.
  const before = orphan(cellAt(Date.now() + 4 * DAY), undefined, new Date(one.clock.now().getTime() - 120 * MINUTE));
  await claims().insertMany([later, before]);
  advance(6 * MINUTE);
  const run = await two.container.claimMaintenance.run();
  expect(run).toMatchObject({ ran: true, result: { released: 1 } });
  expect(await claims().countDocuments({ _id: later._id })).toBe(0);
  expect(await claims().countDocuments({ _id: before._id })).toBe(1);
  await claims().deleteOne({ _id: before._id });
});

it('deletes the claims of past time and keeps the rest; the busy index holds recent and future cells only', async () => {
  const now = one.clock.now().getTime();
  const held = `appt-${randomUUID()}`;
  const past = [3, 2.5, 2].map((days) => ({ ...orphan(cellAt(now - days * DAY), held), ownerId: 'doc-2', _id: `doc-2:${days}` }));
  const kept = [-0.5, 0.5].map((days) => ({ ...orphan(cellAt(now - days * DAY), held), ownerId: 'doc-2', _id: `doc-2:${days}` }));
  await claims().insertMany([...past, ...kept]);

  expect(await one.container.scheduling.useCases.rebuildBusyIndex()).toBe(true);
  const redis = new Redis(one.config.redisUrl!);
  try {
    const indexed = await redis.zrange(`{busy2:${one.dbName}}:cells:doc-2`, 0, -1);
    expect(indexed.map((m) => Number(m.split(':')[0])).sort()).toEqual(kept.map((c) => c.cell.getTime()).sort());
  } finally {
    redis.disconnect();
  }

  expect(await one.container.scheduling.useCases.purgePastClaims()).toBe(past.length);
  expect((await claims().find({ ownerId: 'doc-2' }).toArray()).map((c) => c._id).sort()).toEqual(kept.map((c) => c._id).sort());
});

it('deletes in batches, so a backlog larger than one delete can take goes in several rounds', async () => {
  const before = new Date('2020-01-02T00:00:00Z');
  const old = Array.from({ length: 250 }, (_, i) => ({
    ...orphan(new Date(before.getTime() - (i + 1) * 5 * MINUTE)),
    _id: `doc-3:${i}`,
  }));
  await claims().insertMany([...old, { ...orphan(before), _id: 'doc-3:edge' }]);
  expect(await makeMongoClaimRepository(one.db).removeCellsBefore(before, 100)).toBe(250);
  expect(
    (
      await claims()
        .find({ _id: /^doc-3:/ })
        .toArray()
    ).map((c) => c._id),
  ).toEqual(['doc-3:edge']);
});
