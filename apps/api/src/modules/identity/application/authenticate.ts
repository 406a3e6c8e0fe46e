import { AppError } from '../../../platform/app-error.ts';
import { isErased } from '../domain/user.ts';
import type { AccessClaims, IdentityDeps } from './ports.ts';

/**
 * Checks an access token on every request, including that its session is
 * still open, belongs to the token's subject, and the account is neither
 * blocked nor deleted, so logout, password reset, blocking and deletion take
 * effect at once rather than when the token expires. The role comes from the
 * account, never from the token.
 */
export function makeAuthenticate(deps: IdentityDeps) {
  return async function authenticate(accessToken: string | undefined): Promise<AccessClaims> {
    const claims = accessToken ? await deps.tokens.verify(accessToken) : null;
    if (!claims) throw new AppError('UNAUTHENTICATED', 'Log in to continue.');
    const [family, user] = await Promise.all([deps.sessions.findFamily(claims.sessionId), deps.users.findById(claims.userId)]);
    if (!family || !user || family.userId !== user.id || isErased(user))
      throw new AppError('UNAUTHENTICATED', 'Your session has ended. Log in again.');
    if (user.blocked) throw new AppError('ACCOUNT_BLOCKED', 'This account is blocked. Contact support.');
    if (family.revokedAt) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Log in again.');
    return { userId: user.id, role: user.role, sessionId: family.id };
  };
}
