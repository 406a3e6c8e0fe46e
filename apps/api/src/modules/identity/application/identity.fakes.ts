import { createHash, createHmac } from 'node:crypto';
import type { OutgoingMail, SideEffect } from '../../../platform/side-effect.ts';
import type { OneTimeCode } from '../domain/one-time-code.ts';
import type { RefreshToken, SessionFamily } from '../domain/refresh-session.ts';
import type { User } from '../domain/user.ts';
import type { IdentityDeps } from './ports.ts';

/** Small in-memory implementations of the identity ports, for use-case unit tests. */
export function makeFakeIdentityDeps(start = new Date('2026-03-01T10:00:00Z')) {
  const users = new Map<string, User>();
  const codes = new Map<string, OneTimeCode>();
  const attempts = new Set<string>();
  const families = new Map<string, SessionFamily>();
  const tokens = new Map<string, RefreshToken>();
  const loginAttempts = new Map<string, number>();
  const loginGates = new Map<string, number>();
  const sent: OutgoingMail[] = [];
  /** E-mail keys freed by account erasures. */
  const releasedEmails: { email: string; userId: string }[] = [];
  /** Side effects of committed changes, in commit order (e-mails, events, audit entries). */
  const committed: SideEffect[] = [];
  let now = start;
  let seq = 0;
  let nextRandom = 123_456;

  /** Runs before every user save: tests use it to commit a competing change first. */
  let beforeUserSave: ((id: string) => void) | undefined;

  const deps: IdentityDeps = {
    // Versioned like the real store: a save commits only on top of the version it was made from.
    users: {
      async insert(user) {
        if ([...users.values()].some((u) => u.email === user.email)) return 'duplicate-email';
        users.set(user.id, structuredClone(user));
        return structuredClone(user);
      },
      findById: async (id) => (users.has(id) ? structuredClone(users.get(id)!) : null),
      async findByEmail(email) {
        const user = [...users.values()].find((u) => u.email === email);
        return user ? structuredClone(user) : null;
      },
      async save(next, effects = []) {
        beforeUserSave?.(next.id);
        if (users.get(next.id)?.version !== next.version - 1) return 'conflict';
        users.set(next.id, structuredClone(next));
        committed.push(...effects);
        return 'ok';
      },
      findByIds: async (ids) => [...users.values()].filter((u) => ids.includes(u.id)).map((u) => structuredClone(u)),
      async search() {
        return { items: [...users.values()].map((u) => structuredClone(u)), total: users.size };
      },
      async erase(id, redact, effects) {
        const current = users.get(id);
        if (!current) return null;
        const erased = { ...redact(structuredClone(current)), version: current.version + 1 };
        users.set(id, erased);
        committed.push(...effects);
        return structuredClone(erased);
      },
      async releaseEmail(email, userId) {
        releasedEmails.push({ email, userId });
      },
    },
    codes: {
      async save(code, effects) {
        codes.set(`${code.purpose}:${code.userId}`, code);
        // The outbox's delivery, at once: the code is stored, so its effects are committed.
        committed.push(...effects);
        for (const e of effects) if (e.type === 'email') sent.push(e.payload as unknown as OutgoingMail);
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
      async claimUse(nonce) {
        if (attempts.has(`${nonce}:used`)) return false;
        attempts.add(`${nonce}:used`);
        return true;
      },
      purgeBefore: async () => 0,
      async deleteAllFor(userId) {
        for (const [key, code] of codes) if (code.userId === userId) codes.delete(key);
      },
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
      deriveSecret: (v) => createHmac('sha256', 'fake server key').update(v).digest('base64url'),
    },
    // The adapter's semantics on the fake clock: a gate that lives for the delay after an attempt.
    loginThrottle: {
      async reserve(key, delayAfter) {
        const attempt = (loginAttempts.get(key) ?? 0) + 1;
        const delay = delayAfter(attempt);
        if (delay > 0) {
          const opensAt = loginGates.get(key) ?? 0;
          if (opensAt > now.getTime()) return Math.ceil((opensAt - now.getTime()) / 1000);
          loginGates.set(key, now.getTime() + delay * 1000);
        }
        loginAttempts.set(key, attempt);
        return 0;
      },
      async reset(key) {
        loginAttempts.delete(key);
        loginGates.delete(key);
      },
    },
    loginThrottlePolicy: { freeAttempts: 5, maxDelaySeconds: 900 },
    clock: { now: () => now },
    newId: () => `id-${++seq}`,
    refreshTokenTtlDays: 30,
  };

  return {
    deps,
    users,
    families,
    tokens,
    sent,
    committed,
    codes,
    releasedEmails,
    onUserSave: (hook: ((id: string) => void) | undefined) => (beforeUserSave = hook),
    setRandom: (n: number) => (nextRandom = n),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}
