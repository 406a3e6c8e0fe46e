import type { RefreshToken } from '../domain/refresh-session.ts';
import { formatRefreshToken } from '../domain/refresh-session.ts';
import type { User } from '../domain/user.ts';
import type { IdentityDeps } from './ports.ts';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/**
 * A successor's id is derived from its parent's, so the second rotation of
 * the same token collides on the unique `_id`: replay detection by insert-or-fail.
 */
export function successorId(deps: IdentityDeps, parentId: string): string {
  return deps.secrets.digest(`next:${parentId}`).slice(0, 43);
}

export async function startSession(deps: IdentityDeps, user: User): Promise<IssuedSession> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.refreshTokenTtlDays * 86_400_000);
  const familyId = deps.newId();
  await deps.sessions.createFamily({ id: familyId, userId: user.id, createdAt: now, expiresAt, revokedAt: null });
  const issued = await insertRefreshToken(deps, deps.secrets.randomToken(24), familyId, user.id, expiresAt);
  if (!issued) throw new Error('fresh refresh token id collided');
  return { ...issued, accessToken: await deps.tokens.sign({ userId: user.id, role: user.role, sessionId: familyId }) };
}

/** Inserts a token with the given id; null when that id is already taken. */
export async function insertRefreshToken(
  deps: IdentityDeps,
  id: string,
  familyId: string,
  userId: string,
  expiresAt: Date,
): Promise<{ refreshToken: string; refreshExpiresAt: Date } | null> {
  const secret = deps.secrets.randomToken(32);
  const token: RefreshToken = { id, familyId, userId, secretHash: deps.secrets.digest(secret), expiresAt };
  if ((await deps.sessions.insertToken(token)) === 'duplicate') return null;
  return { refreshToken: formatRefreshToken(id, secret), refreshExpiresAt: expiresAt };
}
