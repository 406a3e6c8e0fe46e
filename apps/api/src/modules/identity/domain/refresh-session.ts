/**
 * Refresh tokens rotate: each use yields a successor, and each token can be
 * used once. All tokens from one login form a family; replaying a used token
 * revokes the family, so a stolen token dies as soon as either party uses it.
 * The one grace: for a short window after a rotation the same token yields
 * the same successor again, so concurrent refreshes (two tabs, a retried
 * request) do not read as theft.
 */
export interface SessionFamily {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface RefreshToken {
  id: string;
  familyId: string;
  userId: string;
  secretHash: string;
  expiresAt: Date;
  issuedAt: Date;
}

/** How long after a rotation the rotated token may be presented again for the same successor. */
export const REFRESH_REUSE_WINDOW_MS = 30_000;

export type RefreshDecision = 'rotate' | 'unknown' | 'expired' | 'revoked' | 'blocked';

export function decideRefresh(input: {
  token: RefreshToken | null;
  secretMatches: boolean;
  family: SessionFamily | null;
  userBlocked: boolean | null;
  now: Date;
}): RefreshDecision {
  const { token, family, now } = input;
  if (!token || !input.secretMatches || !family || input.userBlocked === null) return 'unknown';
  // Blocking revokes sessions too; naming the block tells the user why.
  if (input.userBlocked) return 'blocked';
  if (family.revokedAt) return 'revoked';
  if (token.expiresAt.getTime() <= now.getTime() || family.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}

export type RepeatedRotation = 'reissue' | 'replay';

/**
 * A valid token was presented after it had already been rotated. Within the
 * reuse window, and only if the stored successor is the one the server derives
 * from this token, hand out that same successor again; anything else is a replay.
 * (A thief presenting the token within the window gets the successor too: the
 * price of the window, kept short, as major identity providers do.)
 */
export function decideRepeatedRotation(input: {
  successor: RefreshToken | null;
  successorMatches: boolean;
  now: Date;
}): RepeatedRotation {
  const { successor } = input;
  if (!successor || !input.successorMatches) return 'replay';
  return input.now.getTime() - successor.issuedAt.getTime() <= REFRESH_REUSE_WINDOW_MS ? 'reissue' : 'replay';
}

/** The wire form is `<id>.<secret>`; anything else is not a token. */
export function parseRefreshToken(raw: string | undefined): { id: string; secret: string } | null {
  if (!raw) return null;
  const match = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{32,128})$/.exec(raw);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export function formatRefreshToken(id: string, secret: string): string {
  return `${id}.${secret}`;
}
