import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { decodeJwt } from 'jose';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { AppError } from '../app-error.ts';
import { BoundedMap } from '../bounded-map.ts';
import type { Authenticate, Caller } from '../http/auth.middleware.ts';
import { localFirst } from './local-first-adapter.ts';
import type { RealtimePush, RoomMember, SocketClosingListener, SocketContext, SocketEventHandler } from './realtime.ts';
import type { Presence } from './presence.ts';

/**
 * How stale a socket's "session open, account not blocked" may be: an event
 * waits for a new check only once the last is older; from half that age on,
 * an event starts one in the background and goes on with the last (so a
 * chatting user's messages do not wait for it). A check that finds the
 * session ended drops every socket of it. A timer checks idle sockets
 * (jittered, so sockets opened together do not check together). One check
 * serves every socket of a session in this process. A block closes sockets at
 * once anyway (`disconnectUser`); the token's expiry bounds the rest.
 */
const RECHECK_MS = 60_000;
const roomOf = (userId: string) => `user:${userId}`;
/** What a check answers when the socket's session may not go on. */
const ENDED = new Set(['UNAUTHENTICATED', 'ACCOUNT_BLOCKED']);

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
  /** Times the session checks (tests move it). */
  clock?: { now(): Date };
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
  const remoteListeners = new Map<string, ((payload: unknown) => void)[]>();
  const closingListeners: SocketClosingListener[] = [];
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

  const now = () => (options.clock?.now() ?? new Date()).getTime();
  const sessionRoom = (sessionId: string) => `session:${sessionId}`;
  /** The last passed check of each session in this process, from when it began. */
  const checks = new BoundedMap<string, { at: number; caller: Caller }>(10_000);
  /** Checks under way, one per session (every socket of the session waits for the same). */
  const checking = new Map<string, Promise<Caller>>();
  /** Checks the session again; one that finds it ended (or the account blocked) drops its sockets. */
  function check(sessionId: string, token: string): Promise<Caller> {
    const under = checking.get(sessionId);
    if (under) return under;
    const at = now();
    const caller = options.authenticate(token);
    checking.set(sessionId, caller);
    caller
      .then(
        (passed) => checks.set(sessionId, { at, caller: passed }),
        (error: unknown) => {
          checks.delete(sessionId);
          if (error instanceof AppError && ENDED.has(error.code)) io?.in(sessionRoom(sessionId)).disconnectSockets(true);
        },
      )
      .finally(() => checking.delete(sessionId))
      .catch(() => undefined);
    return caller;
  }
  /** The socket's caller: from the last check while it is fresh, which is repeated beside the event once half stale. */
  async function checkedCaller(socket: Socket): Promise<Caller> {
    const { caller, token } = socket.data as { caller: Caller; token: string };
    const last = checks.get(caller.sessionId);
    const age = last ? now() - last.at : Infinity;
    if (age < RECHECK_MS / 2) return last!.caller;
    const fresh = check(caller.sessionId, token);
    if (age >= RECHECK_MS) return fresh;
    fresh.catch(() => undefined); // a refusal drops the sockets; any other failure, the next event sees
    return last!.caller;
  }

  function errorAck(error: unknown) {
    if (error instanceof AppError) return { error: { code: error.code, message: error.message, details: error.details } };
    options.logger.error({ err: error }, 'socket event failed');
    return { error: { code: 'INTERNAL', message: 'Something went wrong; try again.' } };
  }

  /** What a handler may do with the socket its event came from. */
  function contextOf(socket: Socket): SocketContext {
    return {
      id: socket.id,
      join(room) {
        const joinedAt = Date.now();
        const data = socket.data as { joinedAt?: Record<string, number> };
        data.joinedAt = { ...data.joinedAt, [room]: joinedAt };
        void socket.join(room);
        return joinedAt;
      },
      leave: (room) => void socket.leave(room),
      isIn: (room) => socket.rooms.has(room),
      toOthersIn: (room, event, payload) => void socket.to(room).emit(event, payload),
      async membersOf(room) {
        if (!io) return [];
        // Every process answers; one that died a moment ago is waited for until the adapter gives up on it,
        // and then this process's own sockets are what is known.
        const sockets = await io
          .in(room)
          .fetchSockets()
          .catch((err: unknown) => {
            options.logger.warn({ err }, 'other processes did not say who is in a room');
            return io!.local.in(room).fetchSockets();
          });
        return sockets.map((member): RoomMember => {
          const { caller, joinedAt } = member.data as { caller: Caller; joinedAt?: Record<string, number> };
          return {
            socketId: member.id,
            userId: caller.userId,
            joinedAt: joinedAt?.[room] ?? 0,
            evict(event, payload) {
              member.emit(event, payload);
              member.leave(room);
            },
          };
        });
      },
    };
  }

  function onConnection(socket: Socket) {
    const { caller, token } = socket.data as { caller: Caller; token: string };
    void socket.join([roomOf(caller.userId), sessionRoom(caller.sessionId)]);
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
        .then((current) => handler(current, args[0], contextOf(socket)))
        .then(
          (answer) => ack?.(answer ?? { ok: true }),
          (error) => {
            ack?.(errorAck(error));
            if (error instanceof AppError && ENDED.has(error.code)) socket.disconnect(true);
          },
        );
    });
    socket.on('disconnecting', () => {
      if (closing) return;
      const rooms = [...socket.rooms];
      for (const listener of closingListeners) listener(caller, socket.id, rooms);
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
    /** Shown the payload of every `event` another process emits, to whichever users (what it learns is a hint). */
    onEmittedElsewhere(event: string, listener: (payload: unknown) => void) {
      remoteListeners.set(event, [...(remoteListeners.get(event) ?? []), listener]);
    },
    /** Told of every socket that closes (not when the server itself closes), with the rooms it was in. */
    onSocketClosing(listener: SocketClosingListener) {
      closingListeners.push(listener);
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
                ({ data }) => {
                  const [event, payload] = (Array.isArray(data) ? data : []) as [unknown, unknown];
                  for (const listener of remoteListeners.get(String(event)) ?? []) listener(payload);
                },
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
            checks.set(caller.sessionId, { at: now(), caller });
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
