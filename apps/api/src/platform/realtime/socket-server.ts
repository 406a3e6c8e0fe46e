import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { decodeJwt } from 'jose';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { AppError } from '../app-error.ts';
import type { Authenticate, Caller } from '../http/auth.middleware.ts';
import { localFirst } from './local-first-adapter.ts';
import type { RealtimePush, SocketEventHandler } from './realtime.ts';
import type { Presence } from './presence.ts';

/**
 * How stale a socket's "session open, account not blocked" may be: checked
 * again before an event once older, and by a timer (jittered, so sockets
 * opened together do not check together). One check serves every socket of a
 * session in this process. A block closes sockets at once anyway
 * (`disconnectUser`); the token's expiry bounds the rest.
 */
const RECHECK_MS = 60_000;
const roomOf = (userId: string) => `user:${userId}`;

export interface RealtimeOptions {
  authenticate: Authenticate;
  logger: Logger;
  /** The web app's origin, the only one allowed to connect from a browser. */
  webOrigin: string;
  /** Redis for the Streams adapter (several API processes); without it the server is alone. */
  redisUrl?: string;
  /** Keeps environments that share a Redis apart (the database name). */
  namespace: string;
  presence: Presence;
}

/**
 * The Socket.io side of the API (decision 0018): authenticates each socket at
 * the handshake with its access token (`connect_error` UNAUTHENTICATED), puts
 * it in its user's room, drops it when the token expires or when a re-check
 * finds the session ended or the account blocked, and hands events to the
 * modules' handlers with the caller. With Redis, the Streams adapter carries
 * every emit to the sockets of all API processes and keeps sessions for
 * connection state recovery.
 */
export function makeRealtimeServer(options: RealtimeOptions) {
  const handlers = new Map<string, SocketEventHandler>();
  const presenceListeners: ((userId: string, online: boolean) => Promise<void>)[] = [];
  /** Presence updates under way (with what listeners do about them): close() lets them finish. */
  const updating = new Set<Promise<void>>();
  function updatePresence(userId: string, online: boolean, update: Promise<boolean>) {
    const done = update
      .then(async (changed) => {
        if (changed) await Promise.all(presenceListeners.map((listener) => listener(userId, online)));
      })
      .catch((err) => options.logger.warn({ err }, 'presence update failed'))
      .finally(() => updating.delete(done));
    updating.add(done);
  }
  let io: Server | undefined;
  let adapterRedis: Redis | undefined;
  /** Set by close(): the sockets it drops are not news to anyone (and the database may be closing too). */
  let closing = false;

  /** The latest check of each session in this process (a promise, so concurrent checks share one). */
  const checks = new Map<string, { at: number; caller: Promise<Caller> }>();
  async function checkedCaller(socket: Socket): Promise<Caller> {
    const { caller, token } = socket.data as { caller: Caller; token: string };
    const last = checks.get(caller.sessionId);
    if (last && Date.now() - last.at < RECHECK_MS) return last.caller;
    const check = { at: Date.now(), caller: options.authenticate(token) };
    if (checks.size > 10_000) for (const [id, c] of checks) if (check.at - c.at > RECHECK_MS) checks.delete(id);
    checks.set(caller.sessionId, check);
    check.caller.catch(() => checks.get(caller.sessionId) === check && checks.delete(caller.sessionId));
    return check.caller;
  }

  function errorAck(error: unknown) {
    if (error instanceof AppError) return { error: { code: error.code, message: error.message, details: error.details } };
    options.logger.error({ err: error }, 'socket event failed');
    return { error: { code: 'INTERNAL', message: 'Something went wrong; try again.' } };
  }

  function onConnection(socket: Socket) {
    const { caller, token } = socket.data as { caller: Caller; token: string };
    void socket.join(roomOf(caller.userId));
    const exp = decodeJwt(token).exp;
    // The socket lives as long as its token; the client reconnects with a fresh one.
    const expiry = setTimeout(() => socket.disconnect(true), Math.max(0, (exp ?? 0) * 1000 - Date.now()));
    const recheck = setInterval(
      () => void checkedCaller(socket).catch(() => socket.disconnect(true)),
      RECHECK_MS + Math.floor(Math.random() * RECHECK_MS),
    );
    recheck.unref();
    updatePresence(caller.userId, true, options.presence.connected(caller.userId, socket.id));

    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (answer: unknown) => void) : undefined;
      const handler = handlers.get(event);
      if (!handler) return ack?.({ error: { code: 'NOT_FOUND', message: `Unknown event ${event}.` } });
      checkedCaller(socket)
        .then((current) => handler(current, args[0]))
        .then(
          (answer) => ack?.(answer ?? { ok: true }),
          (error) => {
            ack?.(errorAck(error));
            if (error instanceof AppError && (error.code === 'UNAUTHENTICATED' || error.code === 'ACCOUNT_BLOCKED'))
              socket.disconnect(true);
          },
        );
    });
    socket.on('disconnect', () => {
      clearTimeout(expiry);
      clearInterval(recheck);
      if (closing) return;
      updatePresence(caller.userId, false, options.presence.disconnected(caller.userId, socket.id));
    });
  }

  const push: RealtimePush = {
    toUsers(userIds, event, payload) {
      if (io && userIds.length) io.to(userIds.map(roomOf)).emit(event, payload);
    },
  };

  return {
    ...push,
    /** Handles a client event; what the handler returns (or throws, as `{error}`) is the acknowledgement. */
    on(event: string, handler: SocketEventHandler) {
      handlers.set(event, handler);
    },
    /** Called when a user's first socket connects (online) or last one leaves (offline), on this process's view. */
    onPresence(listener: (userId: string, online: boolean) => Promise<void>) {
      presenceListeners.push(listener);
    },
    presence: options.presence,
    /** Drops every socket of the user on every process (blocked, deleted). */
    disconnectUser(userId: string) {
      io?.in(roomOf(userId)).disconnectSockets(true);
    },
    attach(server: HttpServer) {
      if (options.redisUrl) {
        // Its own connection: the adapter blocks on XREAD and must wait out an outage, not fail fast.
        adapterRedis = new Redis(options.redisUrl, {
          maxRetriesPerRequest: null,
          retryStrategy: (n) => Math.min(n * 100, 1_000),
        });
        adapterRedis.on('error', () => undefined);
      }
      io = new Server(server, {
        path: '/socket.io',
        serveClient: false,
        cors: { origin: options.webOrigin, credentials: true },
        maxHttpBufferSize: 64 * 1024,
        // A tab that was away briefly gets what it missed (and keeps its rooms); the middleware runs again.
        connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
        ...(adapterRedis
          ? {
              adapter: localFirst(
                createAdapter(adapterRedis, {
                  streamName: `sio:${options.namespace}`,
                  channelPrefix: `sio:${options.namespace}`,
                  sessionKeyPrefix: `sio:${options.namespace}:session:`,
                  blockTimeInMs: 1_000,
                }),
              ),
            }
          : {}),
      });
      io.use((socket, next) => {
        const token = (socket.handshake.auth as { token?: unknown }).token;
        options
          .authenticate(typeof token === 'string' ? token : undefined)
          .then((caller) => {
            socket.data = { caller, token };
            checks.set(caller.sessionId, { at: Date.now(), caller: Promise.resolve(caller) });
            next();
          })
          .catch((error: unknown) => {
            const code = error instanceof AppError ? error.code : 'UNAUTHENTICATED';
            next(new Error(code === 'ACCOUNT_BLOCKED' ? code : 'UNAUTHENTICATED'));
          });
      });
      io.on('connection', onConnection);
      options.presence.start();
    },
    /** Closes every socket and the adapter; the HTTP server stays its owner's to close. */
    async close() {
      closing = true;
      options.presence.stop();
      if (io) {
        io.disconnectSockets(true);
        await io.of('/').adapter.close();
        io.engine.close();
      }
      await Promise.all(updating);
      adapterRedis?.disconnect();
    },
  };
}
export type RealtimeServer = ReturnType<typeof makeRealtimeServer>;
