import type { IdentityDeps } from './ports.ts';

const DAY_MS = 86_400_000;

/**
 * Housekeeping that TTL indexes would do on MongoDB (FerretDB has none):
 * expired refresh tokens and sessions, expired codes, and attempt records
 * older than a day. Nothing deleted here can still be used.
 */
export function makePurgeExpired(deps: IdentityDeps) {
  return async function purgeExpired(): Promise<number> {
    const now = deps.clock.now();
    const [sessions, codes] = await Promise.all([
      deps.sessions.purgeExpired(now),
      deps.codes.purgeBefore(new Date(now.getTime() - DAY_MS)),
    ]);
    return sessions + codes;
  };
}
