/**
 * What modules may ask of the live connection (Socket.io, decision 18): send an
 * event to every open tab of some users, on whichever API process each tab is
 * connected. Fire and forget: the event is a courtesy, the database holds the
 * truth, and a client that missed it catches up over REST.
 */
export interface RealtimePush {
  toUsers(userIds: readonly string[], event: string, payload: unknown): void;
}

/** A socket in a room, on any API process. */
export interface RoomMember {
  socketId: string;
  userId: string;
  /** When the server put it in this room (ms since the epoch, by the clock of the process it is on). */
  joinedAt: number;
  /** Takes it out of the room, telling it `event` first (e.g. the same user joined from another tab). */
  evict(event: string, payload: unknown): void;
}

/**
 * The socket an event came from, for modules that keep their own rooms (a call): rooms are
 * joined and left only by the server, so membership is what the module allowed.
 */
export interface SocketContext {
  id: string;
  /** Puts the socket in the room; answers when (the `joinedAt` its members show). */
  join(room: string): number;
  leave(room: string): void;
  isIn(room: string): boolean;
  /** Sends `event` to every other socket in the room, on every process. */
  toOthersIn(room: string, event: string, payload: unknown): void;
  /** The room's sockets on every process. */
  membersOf(room: string): Promise<RoomMember[]>;
}

/** A socket event a module handles: checked input in, the acknowledgement out (errors become `{error}`). */
export type SocketEventHandler = (
  caller: { userId: string; role: string; sessionId: string },
  payload: unknown,
  socket: SocketContext,
) => Promise<unknown>;

/** Told which of its rooms a closing socket was in (before it leaves them). */
export type SocketClosingListener = (
  caller: { userId: string; role: string; sessionId: string },
  socketId: string,
  rooms: readonly string[],
) => void;
