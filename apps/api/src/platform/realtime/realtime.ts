/**
 * What modules may ask of the live connection (Socket.io, decision 18): send an
 * event to every open tab of some users, on whichever API process each tab is
 * connected. Fire and forget: the event is a courtesy, the database holds the
 * truth, and a client that missed it catches up over REST.
 */
export interface RealtimePush {
  toUsers(userIds: readonly string[], event: string, payload: unknown): void;
}

/** A socket event a module handles: checked input in, the acknowledgement out (errors become `{error}`). */
export type SocketEventHandler = (
  caller: { userId: string; role: string; sessionId: string },
  payload: unknown,
) => Promise<unknown>;
