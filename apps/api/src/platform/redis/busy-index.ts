import type { Redis } from 'ioredis';

/**
 * Sorted sets of busy 5-minute cells per owner (`busy:<db>:<owner>`, score = epoch
 * ms), shared by every API process. A read model only: the unique claim keys
 * in the database decide bookings; this makes "which cells are taken" a
 * range read instead of a collection scan.
 */
export function makeRedisBusyIndex(redis: Redis, namespace: string) {
  // Namespaced by database, so environments sharing one Redis never touch each other's sets.
  const prefix = `busy:${namespace}:`;
  const key = (owner: string) => `${prefix}${owner}`;
  return {
    async add(owner: string, cells: Date[]) {
      if (cells.length) await redis.zadd(key(owner), ...cells.flatMap((c) => [c.getTime(), String(c.getTime())]));
    },
    async remove(owner: string, cells: Date[]) {
      if (cells.length) await redis.zrem(key(owner), ...cells.map((c) => String(c.getTime())));
    },
    async cellsBetween(owner: string, from: Date, to: Date) {
      const members = await redis.zrangebyscore(key(owner), from.getTime(), `(${to.getTime()}`);
      return members.map((m) => new Date(Number(m)));
    },
    async replaceAll(byOwner: Map<string, Date[]>) {
      const stale: string[] = [];
      for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 })) stale.push(...(keys as string[]));
      const tx = redis.multi();
      for (const k of stale) if (!byOwner.has(k.slice(prefix.length))) tx.del(k);
      for (const [owner, cells] of byOwner) {
        tx.del(key(owner));
        if (cells.length) tx.zadd(key(owner), ...cells.flatMap((c) => [c.getTime(), String(c.getTime())]));
      }
      await tx.exec();
    },
  };
}

/** The same read model in process memory, for a single API process without Redis. */
export function makeMemoryBusyIndex() {
  const sets = new Map<string, Set<number>>();
  const setOf = (owner: string) => sets.get(owner) ?? sets.set(owner, new Set()).get(owner)!;
  return {
    async add(owner: string, cells: Date[]) {
      for (const c of cells) setOf(owner).add(c.getTime());
    },
    async remove(owner: string, cells: Date[]) {
      for (const c of cells) setOf(owner).delete(c.getTime());
    },
    async cellsBetween(owner: string, from: Date, to: Date) {
      return [...setOf(owner)].filter((t) => t >= from.getTime() && t < to.getTime()).map((t) => new Date(t));
    },
    async replaceAll(byOwner: Map<string, Date[]>) {
      sets.clear();
      for (const [owner, cells] of byOwner) sets.set(owner, new Set(cells.map((c) => c.getTime())));
    },
  };
}
