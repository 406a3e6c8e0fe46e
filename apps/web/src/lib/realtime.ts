import { useEffect, useRef, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import { accessTokenAge, getAccessToken } from './access-token';
import { refreshAccessToken } from './api-client';

/**
 * The live connection (Socket.io on the API's own origin), one per tab while
 * someone is signed in. It authenticates at the handshake with the in-memory
 * access token; when the server refuses it (`connect_error` UNAUTHENTICATED) or
 * drops it because the token expired, the token is refreshed the way API
 * calls do and the socket connects again. Every (re)connect is announced as
 * the `connect` event, so features fetch what they may have missed: the socket
 * is a courtesy, the REST API holds the truth.
 */

/** Tokens older than this are renewed before a handshake (they live 15 minutes). */
const STALE_TOKEN_MS = 13 * 60 * 1000;
/** Refreshed tokens refused in a row before waiting a while (a blocked account, a clock far off). */
const MAX_AUTH_RETRIES = 3;
const AUTH_RETRY_PAUSE_MS = 30_000;

type Listener = (payload: unknown) => void;

let socket: Socket | null = null;
let authFailures = 0;
let pauseTimer: number | undefined;
const listeners = new Map<string, Set<Listener>>();
const statusListeners = new Set<() => void>();

function dispatch(event: string, payload: unknown) {
  listeners.get(event)?.forEach((listener) => listener(payload));
}

function statusChanged() {
  statusListeners.forEach((listener) => listener());
}

/** Connects again with a fresh token; after a few refusals in a row, only after a pause. */
async function reconnectWithFreshToken(current: Socket) {
  if (authFailures >= MAX_AUTH_RETRIES) {
    window.clearTimeout(pauseTimer);
    pauseTimer = window.setTimeout(() => {
      authFailures = 0;
      if (socket === current) void reconnectWithFreshToken(current);
    }, AUTH_RETRY_PAUSE_MS);
    return;
  }
  authFailures++;
  try {
    // null: the session is over; the next API call tells the app, which signs out and stops the socket.
    if (!(await refreshAccessToken())) return;
  } catch {
    // Network or server trouble: Socket.io's own retries (or the pause) take it from here.
  }
  if (socket === current && !current.connected) current.connect();
}

function createSocket(): Socket {
  const created = io({
    path: '/socket.io',
    // A function, so every (re)connect sends the current token.
    auth: (send) => send({ token: getAccessToken() ?? '' }),
    withCredentials: true,
    autoConnect: false,
  });
  created.on('connect', () => {
    authFailures = 0;
    statusChanged();
    dispatch('connect', undefined);
  });
  created.on('disconnect', (reason) => {
    statusChanged();
    // The server ended it (token expired, session re-checked): Socket.io does not retry that on its own.
    if (reason === 'io server disconnect') void reconnectWithFreshToken(created);
  });
  created.on('connect_error', (error) => {
    statusChanged();
    if (error.message === 'UNAUTHENTICATED') void reconnectWithFreshToken(created);
  });
  created.onAny((event: string, payload: unknown) => dispatch(event, payload));
  return created;
}

/** Opens the tab's live connection (idempotent). */
export function startRealtime(): void {
  if (socket) return;
  socket = createSocket();
  const current = socket;
  const open = () => {
    if (socket === current) current.connect();
  };
  if (getAccessToken() && accessTokenAge() > STALE_TOKEN_MS) void refreshAccessToken().finally(open);
  else open();
}

/** Closes it (signing out). */
export function stopRealtime(): void {
  window.clearTimeout(pauseTimer);
  socket?.removeAllListeners();
  socket?.offAny();
  socket?.disconnect();
  socket = null;
  authFailures = 0;
  statusChanged();
}

/** Whether the live connection is up right now. */
export function isRealtimeConnected(): boolean {
  return socket?.connected ?? false;
}

/** Sends an event without waiting; false when there is no connection (the caller may use REST instead). */
export function emitRealtime(event: string, payload: unknown): boolean {
  if (!socket?.connected) return false;
  socket.emit(event, payload);
  return true;
}

/** Thrown when an acknowledged event cannot be sent or is not answered in time. */
export class RealtimeUnavailableError extends Error {
  constructor() {
    super('The live connection is not available.');
    this.name = 'RealtimeUnavailableError';
  }
}

/** Sends an event and resolves to the server's acknowledgement; rejects with RealtimeUnavailableError. */
export async function emitWithAck<T>(event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
  if (!socket?.connected) throw new RealtimeUnavailableError();
  try {
    return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as T;
  } catch {
    throw new RealtimeUnavailableError();
  }
}

/** Keeps the live connection open while `enabled` (a signed-in user). */
export function useRealtimeSession(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    startRealtime();
    return stopRealtime;
  }, [enabled]);
}

/**
 * Calls `handler` with the payload of each `event` from the server, plus
 * `connect` after every (re)connect. The latest handler is used, so it need
 * not be memoised.
 */
export function useRealtimeEvent<T = unknown>(event: string, handler: (payload: T) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener: Listener = (payload) => latest.current(payload as T);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }, [event]);
}

function subscribeStatus(listener: () => void) {
  statusListeners.add(listener);
  return () => {
    statusListeners.delete(listener);
  };
}

/** Whether the live connection is up, re-rendering when that changes. */
export function useRealtimeConnected(): boolean {
  return useSyncExternalStore(subscribeStatus, isRealtimeConnected, () => false);
}
