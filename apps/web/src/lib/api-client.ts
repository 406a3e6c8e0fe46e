import { accessTokenAge, getAccessToken, setAccessToken } from './access-token';
import { ApiError, apiErrorFromResponse } from './api-error';

export { ApiError, isApiError } from './api-error';

const BASE_URL = '';
const AUTH_PREFIX = '/api/v1/auth/';
const REFRESH_PATH = '/api/v1/auth/refresh';
/** Auth endpoints that work without a session: no point refreshing before them. */
const SESSIONLESS_PATHS = new Set(
  ['login', 'logout', 'register', 'verify-email', 'resend-verification', 'forgot-password', 'reset-password', 'refresh'].map(
    (name) => AUTH_PREFIX + name,
  ),
);
/** Access tokens live 15 minutes; one older than this is renewed before use. */
const STALE_TOKEN_MS = 13 * 60 * 1000;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

// ---- session-expired notifications -------------------------------------------------

const sessionExpiredListeners = new Set<() => void>();

/** Called when a refresh proves the session is gone (cookie missing, revoked or expired). */
export function onSessionExpired(listener: () => void): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

// ---- transport ------------------------------------------------------------------------

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json', ...options.headers });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  const token = getAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(BASE_URL + path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'include',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      message: 'Cannot reach DocTime. Check your connection and try again.',
    });
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

// ---- refresh --------------------------------------------------------------------------

let refreshInFlight: Promise<string | null> | null = null;

async function requestNewAccessToken(): Promise<string | null> {
  const response = await send(REFRESH_PATH, { method: 'POST' });
  const body = await readBody(response);
  if (response.status === 401 || response.status === 403) {
    setAccessToken(null);
    return null;
  }
  if (!response.ok) throw apiErrorFromResponse(response.status, body);
  const token = (body as { accessToken?: unknown } | undefined)?.accessToken;
  if (typeof token !== 'string' || !token) throw apiErrorFromResponse(response.status, undefined);
  setAccessToken(token);
  return token;
}

/**
 * Trades the httpOnly refresh cookie for a new access token. The cookie is
 * rotated on every use and replaying an old one revokes the session, so calls
 * are shared while one is in flight and serialised across tabs with a Web Lock.
 *
 * Resolves to the new token, or `null` when there is no valid session. Rejects
 * with an ApiError only when the outcome is unknown (network down, server error).
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshInFlight ??= (
    typeof navigator !== 'undefined' && navigator.locks
      ? navigator.locks.request('doctime-auth-refresh', requestNewAccessToken)
      : requestNewAccessToken()
  ).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Refreshes and tells the listeners when the session turned out to be gone. */
async function renewSession(): Promise<boolean> {
  try {
    const token = await refreshAccessToken();
    if (token) return true;
    sessionExpiredListeners.forEach((listener) => listener());
    return false;
  } catch {
    return false;
  }
}

// ---- requests -------------------------------------------------------------------------

/**
 * Calls the DocTime API on the same origin with JSON, the refresh cookie and
 * the in-memory access token. Resolves to the parsed body (undefined for an
 * empty one) and rejects with an ApiError. A 401 from a non-auth endpoint
 * triggers one refresh and one retry.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await sendWithSession(path, options);
  const body = await readBody(response);
  if (!response.ok) throw apiErrorFromResponse(response.status, body);
  return body as T;
}

/** Sends with the session: a stale token is renewed first, and a 401 from a non-auth endpoint renews it and retries once. */
async function sendWithSession(path: string, options: RequestOptions): Promise<Response> {
  if (!SESSIONLESS_PATHS.has(path) && getAccessToken() && accessTokenAge() > STALE_TOKEN_MS) {
    await renewSession();
  }
  const response = await send(path, options);
  if (response.status === 401 && !path.startsWith(AUTH_PREFIX) && (await renewSession())) return send(path, options);
  return response;
}

/** The file name of a `Content-Disposition: attachment; filename=...` header, or null. */
export function attachmentName(header: string | null): string | null {
  const match = header ? /filename="?([^";]+)"?/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * GETs a file (a zip, a calendar) like apiRequest, but as bytes: resolves to
 * the Blob and the file name the server gave it; rejects with an ApiError.
 */
export async function apiDownload(path: string, accept: string): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await sendWithSession(path, { headers: { Accept: accept } });
  if (!response.ok) throw apiErrorFromResponse(response.status, await readBody(response));
  return { blob: await response.blob(), fileName: attachmentName(response.headers.get('Content-Disposition')) };
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
