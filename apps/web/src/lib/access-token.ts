/**
 * The access token lives in memory only (never localStorage or sessionStorage),
 * so a script injected into the page cannot read a stored copy and a reload
 * starts from the refresh cookie instead.
 */
let accessToken: string | null = null;
let issuedAt = 0;

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
  issuedAt = token ? Date.now() : 0;
}

/** Milliseconds since the current token was received (Infinity without one). */
export function accessTokenAge(): number {
  return accessToken ? Date.now() - issuedAt : Number.POSITIVE_INFINITY;
}
