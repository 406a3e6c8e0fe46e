import { parseRefreshToken } from '../domain/refresh-session.ts';
import type { IdentityDeps } from './ports.ts';

export function makeLogout(deps: IdentityDeps) {
  /** Ends the session the refresh token (or access token's session id) belongs to. Never fails. */
  return async function logout(input: { refreshToken?: string | undefined; sessionId?: string | undefined }) {
    const parsed = parseRefreshToken(input.refreshToken);
    const token = parsed ? await deps.sessions.findToken(parsed.id) : null;
    const validToken = token && deps.secrets.sameDigest(deps.secrets.digest(parsed!.secret), token.secretHash);
    const familyId = validToken ? token.familyId : input.sessionId;
    if (familyId) await deps.sessions.revokeFamily(familyId, deps.clock.now());
  };
}
