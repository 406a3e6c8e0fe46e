import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A claim as the busy index keeps it (structurally the scheduling port's `IndexedClaim`). */
interface Claim {
  ownerId: string;
  cell: Date;
  token: string;
}
type Op = '+' | '-';

/**
 * One member per claim, `<cell ms>:<token>`: the token of the call that
 * inserted it, so removing a released claim never removes a later claim of
 * the same cell, whatever order the two updates arrive in.
 */
const memberOf = (c: Claim) => `${c.cell.getTime()}:${c.token}`;
const cellOf = (member: string) => Number(member.slice(0, member.indexOf(':')));
/** In the set of every owner's claims: `<owner>|<member>` (a token holds no `|`). */
const everyoneMemberOf = (c: Claim) => `${c.ownerId}|${memberOf(c)}`;
const splitEveryoneMember = (m: string) => {
  const bar = m.lastIndexOf('|');
  return { owner: m.slice(0, bar), cell: cellOf(m.slice(bar + 1)) };
};
const byOwner = (claims: Claim[]) => Map.groupBy(claims, (c) => c.ownerId);
/** Cells as dates, each once, in order (two members can name one cell while a stale one lingers). */
const toCells = (ms: number[]) => [...new Set(ms)].sort((a, b) => a - b).map((t) => new Date(t));

/** How long a rebuild may take before another process may start one. */
const REBUILD_LEASE_MS = 120_000;
const RETRY_INVALIDATION_MS = 500;

// Adds or removes members of an owner's set and of the set of everyone's (members there prefixed `<owner>|`).
const APPLY = `
local function apply(op, owner, ownerKey, everyoneKey, members)
  for _, m in ipairs(members) do
    local score = tonumber(string.match(m, '^%d+'))
    if op == '+' then
      redis.call('ZADD', ownerKey, score, m)
      redis.call('ZADD', everyoneKey, score, owner .. '|' .. m)
    else
      redis.call('ZREM', ownerKey, m)
      redis.call('ZREM', everyoneKey, owner .. '|' .. m)
    end
  end
end`;

// Applies one update and, while a rebuild is under way, journals it for that rebuild.
// KEYS: owner set, rebuild lock, journal, everyone's set. ARGV: '+' | '-', owner, members...
const UPDATE = `${APPLY}
local members = {}
for i = 3, #ARGV do members[#members + 1] = ARGV[i] end
apply(ARGV[1], ARGV[2], KEYS[1], KEYS[4], members)
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('RPUSH', KEYS[3], cjson.encode({ARGV[1], ARGV[2], members})) end
return 1`;

// Takes the rebuild lock and starts an empty journal. KEYS: rebuild lock, journal. ARGV: token, lease ms.
const BEGIN = `
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 0 end
redis.call('DEL', KEYS[2])
return 1`;

// Swaps the rebuilt sets in, replays the journal and marks the index complete, if the lock is still ours.
// KEYS: rebuild lock, journal, complete marker, everyone's set, its staged copy.
// ARGV: token, set prefix, staged prefix, owners (JSON), old sets (JSON).
const COMMIT = `${APPLY}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
for _, key in ipairs(cjson.decode(ARGV[5])) do redis.call('DEL', key) end
for _, owner in ipairs(cjson.decode(ARGV[4])) do
  redis.call('RENAME', ARGV[3] .. owner, ARGV[2] .. owner)
  redis.call('PERSIST', ARGV[2] .. owner)
end
redis.call('DEL', KEYS[4])
if redis.call('EXISTS', KEYS[5]) == 1 then
  redis.call('RENAME', KEYS[5], KEYS[4])
  redis.call('PERSIST', KEYS[4])
end
for _, entry in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
  local e = cjson.decode(entry)
  apply(e[1], e[2], ARGV[2] .. e[2], KEYS[4], e[3])
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('SET', KEYS[3], ARGV[1])
return 1`;

// KEYS: rebuild lock. ARGV: token.
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end return 1`;

/**
 * The busy-time read model in Redis, shared by every API process: a sorted set
 * of claimed cells per owner (score = cell ms), one of everyone's (for a
 * date's search: one read, whatever the number of doctors), and a `complete` marker that
 * only a finished rebuild writes. A Redis that restarted (or evicted the
 * marker) has no marker, so readers get null and use the claims until a
 * rebuild completes the index again; a process whose update failed deletes the
 * marker as soon as Redis answers again. A rebuild holds a lock with a lease
 * (one at a time); updates made during it are journaled and replayed on top of
 * its snapshot, so none is lost. All keys of a namespace (the database name)
 * share one hash slot, for the scripts (and Redis Cluster).
 */
export function makeRedisBusyIndex(redis: Redis, namespace: string) {
  // v2: with everyone's set; a database's index of the first layout is left to expire unused.
  const base = `{busy2:${namespace}}`;
  const setPrefix = `${base}:cells:`;
  const lock = `${base}:rebuild`;
  const journal = `${base}:journal`;
  const complete = `${base}:complete`;
  const everyone = `${base}:everyone`;
  let invalidation: Promise<void> | undefined;

  const update = async (op: Op, claims: Claim[]) => {
    await Promise.all(
      [...byOwner(claims)].map(([owner, own]) =>
        redis.eval(UPDATE, 4, setPrefix + owner, lock, journal, everyone, op, owner, ...own.map(memberOf)),
      ),
    );
  };

  return {
    add: (claims: Claim[]) => update('+', claims),
    remove: (claims: Claim[]) => update('-', claims),

    async cellsBetween(owners: readonly string[] | 'everyone', from: Date, to: Date): Promise<Map<string, Date[]> | null> {
      if (invalidation) return null;
      try {
        const tx = redis.multi().exists(complete);
        const keys = owners === 'everyone' ? [everyone] : owners.map((owner) => setPrefix + owner);
        for (const key of keys) tx.zrangebyscore(key, from.getTime(), `(${to.getTime()}`);
        const results = await tx.exec();
        if (!results || results[0]![1] !== 1) return null;
        const found = results.slice(1).map(([, members]) => members as string[]);
        if (owners !== 'everyone') return new Map(owners.map((owner, i) => [owner, toCells(found[i]!.map(cellOf))]));
        const split = found[0]!.map(splitEveryoneMember);
        return new Map([...Map.groupBy(split, (m) => m.owner)].map(([owner, own]) => [owner, toCells(own.map((m) => m.cell))]));
      } catch {
        return null; // unreachable: the caller reads the claims
      }
    },

    async isComplete() {
      return !invalidation && (await redis.exists(complete)) === 1;
    },

    invalidate() {
      // Deleting the lock too makes a rebuild under way fail its commit: it may have missed this update.
      const attempt = async (): Promise<void> => {
        try {
          await redis.del(complete, lock);
        } catch {
          if (redis.status === 'end') return; // closed for good
          await new Promise((resolve) => setTimeout(resolve, RETRY_INVALIDATION_MS).unref());
          return attempt();
        }
      };
      invalidation ??= attempt().finally(() => (invalidation = undefined));
    },

    async beginRebuild() {
      if (invalidation) return null; // first the marker must go, or it could erase a newer one
      const token = randomUUID();
      if (!(await redis.eval(BEGIN, 2, lock, journal, token, REBUILD_LEASE_MS))) return null;
      const stagedPrefix = `${base}:staged:${token}:`;
      const staged = new Set<string>();
      const dropStaged = () => (staged.size ? redis.del(...staged).then(() => {}) : Promise.resolve());
      const abandon = async () => {
        await Promise.all([redis.eval(UNLOCK, 1, lock, token), dropStaged()]);
      };
      return {
        abandon,
        async complete(claims: Claim[]) {
          try {
            const owners = byOwner(claims);
            const stagedEveryone = `${base}:staged-everyone:${token}`;
            staged.add(stagedEveryone);
            const stage = redis.pipeline();
            for (let i = 0; i < claims.length; i += 1_000) {
              stage.zadd(stagedEveryone, ...claims.slice(i, i + 1_000).flatMap((c) => [c.cell.getTime(), everyoneMemberOf(c)]));
            }
            stage.pexpire(stagedEveryone, REBUILD_LEASE_MS);
            for (const [owner, own] of owners) {
              const key = stagedPrefix + owner;
              staged.add(key);
              for (let i = 0; i < own.length; i += 1_000) {
                stage.zadd(key, ...own.slice(i, i + 1_000).flatMap((c) => [c.cell.getTime(), memberOf(c)]));
              }
              stage.pexpire(key, REBUILD_LEASE_MS);
            }
            for (const [error] of (await stage.exec()) ?? []) if (error) throw error;
            const old: string[] = [];
            for await (const keys of redis.scanStream({ match: `${setPrefix}*`, count: 1_000 })) old.push(...(keys as string[]));
            const args = [token, setPrefix, stagedPrefix, JSON.stringify([...owners.keys()]), JSON.stringify(old)];
            if (await redis.eval(COMMIT, 5, lock, journal, complete, everyone, stagedEveryone, ...args)) return true;
            await dropStaged();
            return false;
          } catch (error) {
            await abandon().catch(() => {});
            throw error;
          }
        },
      };
    },
  };
}

/**
 * The same read model in this process's memory, for a single API process
 * without Redis. It starts incomplete (empty) until the first rebuild.
 */
export function makeMemoryBusyIndex() {
  const sets = new Map<string, Set<string>>();
  let complete = false;
  let journal: [Op, Claim[]][] | undefined;
  const apply = (op: Op, claims: Claim[]) => {
    for (const c of claims) {
      const set = sets.get(c.ownerId) ?? sets.set(c.ownerId, new Set()).get(c.ownerId)!;
      if (op === '+') set.add(memberOf(c));
      else set.delete(memberOf(c));
    }
  };
  const update = async (op: Op, claims: Claim[]) => {
    apply(op, claims);
    journal?.push([op, claims]);
  };
  return {
    add: (claims: Claim[]) => update('+', claims),
    remove: (claims: Claim[]) => update('-', claims),
    async cellsBetween(owners: readonly string[] | 'everyone', from: Date, to: Date): Promise<Map<string, Date[]> | null> {
      if (!complete) return null;
      const inRange = (t: number) => t >= from.getTime() && t < to.getTime();
      const cells = (owner: string) => toCells([...(sets.get(owner) ?? [])].map(cellOf).filter(inRange));
      if (owners !== 'everyone') return new Map(owners.map((owner) => [owner, cells(owner)]));
      return new Map([...sets.keys()].map((owner) => [owner, cells(owner)] as const).filter(([, own]) => own.length > 0));
    },
    isComplete: async () => complete,
    invalidate() {
      complete = false;
      journal = undefined;
    },
    async beginRebuild() {
      if (journal) return null;
      const mine: [Op, Claim[]][] = [];
      journal = mine;
      return {
        async abandon() {
          if (journal === mine) journal = undefined;
        },
        async complete(claims: Claim[]) {
          if (journal !== mine) return false;
          journal = undefined;
          sets.clear();
          apply('+', claims);
          for (const [op, own] of mine) apply(op, own);
          complete = true;
          return true;
        },
      };
    },
  };
}
