import { AppError } from '../../../platform/app-error.ts';
import { decideRefresh, parseRefreshToken } from '../domain/refresh-session.ts';
import type { IdentityDeps } from './ports.ts';
import { insertRefreshToken, successorId } from './sessions.ts';

export function makeRefresh(deps: IdentityDeps) {
  return async function refresh(rawToken: string | undefined) {
    const parsed = parseRefreshToken(rawToken);
    const token = parsed ? await deps.sessions.findToken(parsed.id) : null;
    const secretMatches = !!token && deps.secrets.sameDigest(deps.secrets.digest(parsed!.secret), token.secretHash);
    const family = token && secretMatches ? await deps.sessions.findFamily(token.familyId) : null;
    const user = family ? await deps.users.findById(family.userId) : null;
    const now = deps.clock.now();
    const decision = decideRefresh({ token, secretMatches, family, userBlocked: user ? !!user.blocked : null, now });
    if (decision === 'blocked') {
      if (!family!.revokedAt) await deps.sessions.revokeFamily(family!.id, now);
      throw new AppError('ACCOUNT_BLOCKED', 'This account is blocked. Contact support.');
    }
    if (decision !== 'rotate') throw new AppError('UNAUTHENTICATED', 'Your session has ended. Log in again.');

    const next = await insertRefreshToken(deps, successorId(deps, token!.id), family!.id, user!.id, family!.expiresAt);
    if (!next) {
      // This token was rotated before: someone is replaying it. End the whole family.
      await deps.sessions.revokeFamily(family!.id, now);
      throw new AppError('UNAUTHENTICATED', 'Your session has ended. Log in again.');
    }
    const accessToken = await deps.tokens.sign({ userId: user!.id, role: user!.role, sessionId: family!.id });
    return { accessToken, ...next };
  };
}
