import { createHash } from 'node:crypto';
import type { OneTimeCode } from '../domain/one-time-code.ts';
import type { RefreshToken, SessionFamily } from '../domain/refresh-session.ts';
import type { User } from '../domain/user.ts';
import type { IdentityDeps, Mail } from './ports.ts';

/** Small in-memory implementations of the identity ports, for use-case unit tests. */
export function makeFakeIdentityDeps(start = new Date('2026-03-01T10:00:00Z')) {
  const users = new Map<string, User>();
  const codes = new Map<string, OneTimeCode>();
  const attempts = new Set<string>();
  const families = new Map<string, SessionFamily>();
  const tokens = new Map<string, RefreshToken>();
  const failures = new Map<string, number>();
  const sent: Mail[] = [];
  let now = start;
  let seq = 0;
  let nextRandom = 123_456;

  const deps: IdentityDeps = {
    users: {
      async insert(user) {
        if ([...users.values()].some((u) => u.email === user.email)) return 'duplicate-email';
        users.set(user.id, { ...user });
        return 'ok';
      },
      findById: async (id) => users.get(id) ?? null,
      findByEmail: async (email) => [...users.values()].find((u) => u.email === email) ?? null,
      async markEmailVerified(id) {
        users.get(id)!.emailVerified = true;
      },
      async updatePassword(id, passwordHash) {
        users.get(id)!.passwordHash = passwordHash;
      },
      async updateNameAndPassword(id, name, passwordHash) {
        Object.assign(users.get(id)!, { name, passwordHash });
      },
      async setBlocked(id, blocked) {
        users.get(id)!.blocked = blocked;
      },
      findByIds: async (ids) => [...users.values()].filter((u) => ids.includes(u.id)),
      async search() {
        return { items: [...users.values()], total: users.size };
      },
    },
    codes: {
      async save(code) {
        codes.set(`${code.purpose}:${code.userId}`, code);
      },
      find: async (userId, purpose) => codes.get(`${purpose}:${userId}`) ?? null,
      async claimAttempt(nonce, max) {
        for (let i = 1; i <= max; i++) {
          if (!attempts.has(`${nonce}:${i}`)) {
            attempts.add(`${nonce}:${i}`);
            return true;
          }
        }
        return false;
      },
      async remove(userId, purpose) {
        codes.delete(`${purpose}:${userId}`);
      },
      purgeBefore: async () => 0,
    },
    sessions: {
      async createFamily(f) {
        families.set(f.id, { ...f });
      },
      findFamily: async (id) => families.get(id) ?? null,
      async insertToken(t) {
        if (tokens.has(t.id)) return 'duplicate';
        tokens.set(t.id, t);
        return 'ok';
      },
      findToken: async (id) => tokens.get(id) ?? null,
      async revokeFamily(id, at) {
        const f = families.get(id);
        if (f && !f.revokedAt) f.revokedAt = at;
      },
      purgeExpired: async () => 0,
      async revokeAllForUser(userId, at, except) {
        for (const f of families.values()) if (f.userId === userId && f.id !== except && !f.revokedAt) f.revokedAt = at;
      },
    },
    hasher: {
      hash: async (p) => `hashed:${p}`,
      verify: async (h, p) => h === `hashed:${p}`,
    },
    tokens: {
      sign: async (c) => `access:${c.userId}:${c.role}:${c.sessionId}`,
      async verify(t) {
        const [kind, userId, role, sessionId] = t.split(':');
        return kind === 'access' && userId && sessionId ? { userId, role: role as User['role'], sessionId } : null;
      },
    },
    secrets: {
      randomInt: () => nextRandom,
      randomToken: (bytes) => `tok${++seq}`.padEnd(Math.ceil((bytes * 4) / 3), 'x'),
      digest: (v) => createHash('sha256').update(v).digest('base64url'),
      sameDigest: (a, b) => a === b,
    },
    mailer: {
      async send(mail) {
        sent.push(mail);
      },
    },
    loginFailures: {
      isLockedOut: async (key) => (failures.get(key) ?? 0) >= 10,
      async recordFailure(key) {
        failures.set(key, (failures.get(key) ?? 0) + 1);
      },
    },
    clock: { now: () => now },
    newId: () => `id-${++seq}`,
    refreshTokenTtlDays: 30,
  };

  return {
    deps,
    users,
    families,
    sent,
    setRandom: (n: number) => (nextRandom = n),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}
