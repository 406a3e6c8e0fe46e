import { AppError } from '../../../platform/app-error.ts';
import { decideRefresh, decideRepeatedRotation, formatRefreshToken, parseRefreshToken } from '../domain/refresh-session.ts';
import { isErased } from '../domain/user.ts';
import type { IdentityDeps } from './ports.ts';
import { insertRefreshToken, successorOf } from './sessions.ts';

const SESSION_ENDED = 'Your session has ended. Log in again.';

export function makeRefresh(deps: IdentityDeps) {
  return async function refresh(rawToken: string | undefined) {
    const parsed = parseRefreshToken(rawToken);
    const token = parsed ? await deps.sessions.findToken(parsed.id) : null;
    const secretMatches = !!token && deps.secrets.sameDigest(deps.secrets.digest(parsed!.secret), token.secretHash);
    const family = token && secretMatches ? await deps.sessions.findFamily(token.familyId) : null;
    const account = family ? await deps.users.findById(family.userId) : null;
    // A deleted account's sessions are as good as unknown, even before they are all revoked.
    const user = account && !isErased(account) ? account : null;
    const now = deps.clock.now();
    const decision = decideRefresh({ token, secretMatches, family, userBlocked: user ? !!user.blocked : null, now });
    if (decision === 'blocked') {
      if (!family!.revokedAt) await deps.sessions.revokeFamily(family!.id, now);
      throw new AppError('ACCOUNT_BLOCKED', 'This account is blocked. Contact support.');
    }
    if (decision !== 'rotate') throw new AppError('UNAUTHENTICATED', SESSION_ENDED);

    const next = successorOf(deps, parsed!);
    let issued = await insertRefreshToken(deps, {
      ...next,
      familyId: family!.id,
      userId: user!.id,
      expiresAt: family!.expiresAt,
    });
    if (!issued) {
      // Rotated before: the same client racing itself, or someone replaying it.
      const successor = await deps.sessions.findToken(next.id);
      const successorMatches = !!successor && deps.secrets.sameDigest(deps.secrets.digest(next.secret), successor.secretHash);
      if (decideRepeatedRotation({ successor, successorMatches, now }) === 'replay') {
        await deps.sessions.revokeFamily(family!.id, now);
        throw new AppError('UNAUTHENTICATED', SESSION_ENDED);
      }
      issued = { refreshToken: formatRefreshToken(next.id, next.secret), refreshExpiresAt: successor!.expiresAt };
    }
    const accessToken = await deps.tokens.sign({ userId: user!.id, role: user!.role, sessionId: family!.id });
    return { accessToken, ...issued };
  };
}
