import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type RedisProcess } from '../../test-support/redis-process.ts';
import { makeMemoryBusyIndex, makeRedisBusyIndex } from './busy-index.ts';
import { connectRedis } from './redis.ts';

/**
 * The busy index against a Redis of the test's own: it says when it is not
 * complete (never rebuilt, restarted, an update failed), a rebuild keeps the
 * updates made while it read the claims, and a released claim never takes a
 * later claim of the same cell with it. The in-memory index keeps the same rules.
 */

let server: RedisProcess;
let redis: Redis;
beforeAll(async () => {
  server = await startRedis();
  redis = connectRedis(server.url);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

const at = (hour: number, minute = 0) => new Date(Date.UTC(2030, 0, 7, hour, minute));
const claim = (ownerId: string, cell: Date, token = randomUUID()) => ({ ownerId, cell, token });
const day = { from: at(0), to: at(23, 55) };
const cellsOf = async (index: ReturnType<typeof makeRedisBusyIndex | typeof makeMemoryBusyIndex>, owner: string) =>
  (await index.cellsBetween([owner], day.from, day.to))?.get(owner)?.map((d) => d.toISOString()) ?? null;
const eventually = async (check: () => Promise<boolean>, ms = 5_000) => {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    if (await check()) return true;
  }
  return check();
};

for (const kind of ['redis', 'memory'] as const) {
  describe(`${kind} busy index`, () => {
    let index: ReturnType<typeof makeRedisBusyIndex>;
    beforeEach(() => {
      index = kind === 'redis' ? makeRedisBusyIndex(redis, `t_${randomUUID().slice(0, 8)}`) : makeMemoryBusyIndex();
    });

    it('answers null until a rebuild has completed it, then the cells of each owner', async () => {
      const held = claim('d1', at(9));
      await index.add([held]);
      expect(await index.isComplete()).toBe(false);
      expect(await cellsOf(index, 'd1')).toBeNull();
      const rebuild = (await index.beginRebuild())!;
      expect(await index.beginRebuild()).toBeNull(); // one rebuild at a time
      expect(await rebuild.complete([held, claim('d2', at(10)), claim('d2', at(10, 5))])).toBe(true);
      expect(await index.isComplete()).toBe(true);
      const both = await index.cellsBetween(['d1', 'd2', 'd3'], day.from, day.to);
      expect(Object.fromEntries([...both!].map(([o, cells]) => [o, cells.map((c) => c.toISOString())]))).toEqual({
        d1: [at(9).toISOString()],
        d2: [at(10).toISOString(), at(10, 5).toISOString()],
        d3: [],
      });
      expect(await index.beginRebuild()).not.toBeNull(); // the lock went with the commit
    });

    it('keeps the updates made while a rebuild read the claims, and drops what the claims no longer have', async () => {
      const stale = claim('d1', at(8));
      const released = claim('d1', at(9));
      const bookedMeanwhile = claim('d1', at(11));
      const first = (await index.beginRebuild())!;
      await first.complete([stale, released]);
      const rebuild = (await index.beginRebuild())!;
      // The rebuild's snapshot still has `released` and lacks `bookedMeanwhile` and a new owner's claim.
      await index.add([bookedMeanwhile, claim('d9', at(12))]);
      await index.remove([released]);
      expect(await rebuild.complete([released])).toBe(true);
      expect(await cellsOf(index, 'd1')).toEqual([at(11).toISOString()]);
      expect(await cellsOf(index, 'd9')).toEqual([at(12).toISOString()]);
    });

    it("reads everyone's cells in a window at once, through rebuilds, updates and releases", async () => {
      const everyone = async (from = day.from, to = day.to) => {
        const cells = await index.cellsBetween('everyone', from, to);
        return cells && Object.fromEntries([...cells].map(([o, own]) => [o, own.map((c) => c.toISOString())]));
      };
      expect(await everyone()).toBeNull(); // not complete yet
      const released = claim('patient:p1', at(9));
      const rebuild = (await index.beginRebuild())!;
      await index.add([claim('d2', at(14))]); // while the rebuild reads the claims
      expect(await rebuild.complete([claim('d1', at(9)), claim('d1', at(9, 5)), released, claim('d3', at(23, 55))])).toBe(true);
      await index.remove([released]);
      await index.add([claim('d1', at(10))]);
      expect(await everyone()).toEqual({
        d1: [at(9).toISOString(), at(9, 5).toISOString(), at(10).toISOString()],
        d2: [at(14).toISOString()],
      });
      expect(await everyone(at(9, 5), at(14))).toEqual({ d1: [at(9, 5).toISOString(), at(10).toISOString()] });
      // A second rebuild replaces everyone's cells by its own claims.
      expect(await (await index.beginRebuild())!.complete([claim('d4', at(12))])).toBe(true);
      expect(await everyone()).toEqual({ d4: [at(12).toISOString()] });
      expect(await (await index.beginRebuild())!.complete([])).toBe(true);
      expect(await everyone()).toEqual({});
    });

    it('removing a released claim leaves a later claim of the same cell in place', async () => {
      await (await index.beginRebuild())!.complete([]);
      const earlier = claim('d1', at(9));
      const later = claim('d1', at(9));
      await index.add([later]); // the later booking's update arrives first
      await index.remove([earlier]);
      expect(await cellsOf(index, 'd1')).toEqual([at(9).toISOString()]);
    });

    it('an invalidation makes it incomplete and makes a rebuild under way lose its turn', async () => {
      await (await index.beginRebuild())!.complete([]);
      const rebuild = (await index.beginRebuild())!;
      index.invalidate();
      expect(await eventually(async () => !(await index.isComplete()))).toBe(true);
      expect(await rebuild.complete([])).toBe(false);
      expect(await cellsOf(index, 'd1')).toBeNull();
    });
  });
}

describe('redis busy index and its server', () => {
  it('is incomplete after Redis restarts empty, answers null (not an error) while Redis is down, and can be rebuilt after', async () => {
    const own = connectRedis(server.url);
    try {
      const index = makeRedisBusyIndex(own, `t_${randomUUID().slice(0, 8)}`);
      await (await index.beginRebuild())!.complete([claim('d1', at(9))]);
      expect(await cellsOf(index, 'd1')).toEqual([at(9).toISOString()]);
      await server.kill();
      const started = Date.now();
      expect(await cellsOf(index, 'd1')).toBeNull();
      expect(Date.now() - started).toBeLessThan(1_500);
      await expect(index.add([claim('d1', at(10))])).rejects.toThrow();
      index.invalidate(); // remembered until Redis answers again
      await server.restart();
      expect(await eventually(async () => own.status === 'ready')).toBe(true);
      expect(await index.isComplete()).toBe(false);
      expect(await cellsOf(index, 'd1')).toBeNull();
      // A rebuild can start once the remembered invalidation has reached Redis.
      let rebuild: Awaited<ReturnType<typeof index.beginRebuild>> = null;
      expect(await eventually(async () => !!(rebuild = await index.beginRebuild()))).toBe(true);
      expect(await rebuild!.complete([claim('d1', at(9))])).toBe(true);
      expect(await cellsOf(index, 'd1')).toEqual([at(9).toISOString()]);
    } finally {
      own.disconnect();
    }
  });

  it('an update that failed while Redis was paused marks the index incomplete once Redis answers again', async () => {
    const own = connectRedis(server.url);
    const other = connectRedis(server.url);
    try {
      const namespace = `t_${randomUUID().slice(0, 8)}`;
      const index = makeRedisBusyIndex(own, namespace);
      const elsewhere = makeRedisBusyIndex(other, namespace); // another API process
      await (await index.beginRebuild())!.complete([]);
      server.pause();
      await expect(index.add([claim('d1', at(9))])).rejects.toThrow();
      index.invalidate();
      expect(await cellsOf(index, 'd1')).toBeNull(); // this process knows at once
      server.resume();
      expect(await eventually(async () => !(await elsewhere.isComplete()))).toBe(true);
    } finally {
      server.resume();
      own.disconnect();
      other.disconnect();
    }
  });
});
