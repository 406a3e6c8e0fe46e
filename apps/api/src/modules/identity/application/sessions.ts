import type { RefreshToken } from '../domain/refresh-session.ts';
import { formatRefreshToken } from '../domain/refresh-session.ts';
import type { User } from '../domain/user.ts';
import type { IdentityDeps } from './ports.ts';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

interface NewToken {
  id: string;
  secret: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
}

/**
 * A successor's id is derived from its parent's, so the second rotation of
 * the same token collides on the unique `_id`: replay detection by
 * insert-or-fail. Its secret is derived too (keyed, so only the server can),
 * which lets a client racing itself be handed the very same successor again.
 */
export function successorOf(deps: IdentityDeps, parent: { id: string; secret: string }): { id: string; secret: string } {
  return {
    id: deps.secrets.digest(`next:${parent.id}`).slice(0, 43),
    secret: deps.secrets.deriveSecret(`successor:${parent.id}.${parent.secret}`),
  };
}

export async function startSession(deps: IdentityDeps, user: User): Promise<IssuedSession> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.refreshTokenTtlDays * 86_400_000);
  const familyId = deps.newId();
  await deps.sessions.createFamily({ id: familyId, userId: user.id, createdAt: now, expiresAt, revokedAt: null });
  const token = { id: deps.secrets.randomToken(24), secret: deps.secrets.randomToken(32), familyId, userId: user.id, expiresAt };
  const issued = await insertRefreshToken(deps, token);
  if (!issued) throw new Error('fresh refresh token id collided');
  return { ...issued, accessToken: await deps.tokens.sign({ userId: user.id, role: user.role, sessionId: familyId }) };
}

/** Inserts a token; null when its id is already taken. */
export async function insertRefreshToken(
  deps: IdentityDeps,
  { secret, ...fields }: NewToken,
): Promise<{ refreshToken: string; refreshExpiresAt: Date } | null> {
  const token: RefreshToken = { ...fields, secretHash: deps.secrets.digest(secret), issuedAt: deps.clock.now() };
  if ((await deps.sessions.insertToken(token)) === 'duplicate') return null;
  return { refreshToken: formatRefreshToken(token.id, secret), refreshExpiresAt: token.expiresAt };
}
