import { z } from 'zod';
import { Id } from './common.ts';

/** What the room needs to start the call, by provider. */
export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  /** Only for TURN, issued by the API for this user and a few hours at most (never a static password). */
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

export const VideoJoinResponse = z
  .discriminatedUnion('provider', [
    z.object({ provider: z.literal('webrtc'), roomId: z.string(), iceServers: z.array(IceServer) }),
    z.object({
      provider: z.literal('zego'),
      appId: z.number().int(),
      roomId: z.string(),
      userId: z.string(),
      userName: z.string(),
      /** Token04 for this user and room only (login and publish), expiring a few minutes after the window. */
      token: z.string(),
    }),
  ])
  .meta({ id: 'VideoJoinResponse' });
export type VideoJoinResponse = z.infer<typeof VideoJoinResponse>;

/** `details` of 409 CONSULTATION_NOT_OPEN. */
export const ConsultationWindow = z.object({ opensAt: z.string(), closesAt: z.string() });

export const CallSide = z.enum(['patient', 'doctor']);
export type CallSide = z.infer<typeof CallSide>;

/** What an appointment says of its consultation (joins and leaves per side, and the call: both present). */
export const Consultation = z
  .object({
    startedAt: z.string().optional(),
    endedAt: z.string().optional(),
    durationSeconds: z.number().int().optional(),
    attendance: z.array(z.object({ side: CallSide, joinedAt: z.string(), leftAt: z.string().optional() })),
    /** Who is in the call now (empty once the window has closed). */
    present: z.array(CallSide),
    opensAt: z.string(),
    closesAt: z.string(),
  })
  .meta({ id: 'Consultation' });
export type Consultation = z.infer<typeof Consultation>;

/** Socket events of a call (client -> server). */
export const SocketCallJoin = z.object({ appointmentId: Id });
export const SocketCallLeave = SocketCallJoin;
const SessionDescription = z.object({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(60_000).optional(),
});
const Candidate = z.object({
  candidate: z.string().max(2_000),
  sdpMid: z.string().max(100).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(1_000).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});
/** Perfect negotiation's two messages: a description, or an ICE candidate (null: no more). */
export const CallSignalData = z.union([
  z.object({ description: SessionDescription }).strict(),
  z.object({ candidate: Candidate.nullable() }).strict(),
]);
export type CallSignalData = z.infer<typeof CallSignalData>;
export const SocketCallSignal = z.object({ appointmentId: Id, data: CallSignalData });

/**
 * A socket in the call: its user, their side, the connection (socket id) and when the server
 * let it in. One connection per side stays in a call: the one that joined last, ordered by
 * `joinedAt` and then `connection` (see `joinedAfter`), which the server and every client
 * compute alike, so events that arrive out of order cannot bring back a replaced tab.
 */
export const CallPeer = z.object({
  userId: z.string(),
  role: CallSide,
  connection: z.string(),
  joinedAt: z.number().int(),
});
export type CallPeer = z.infer<typeof CallPeer>;
/** Acknowledgement of `call:join`: who else is in the call; `replaced` when a tab of the same user that joined at the same moment took the place. */
export const CallJoinAck = z.object({ peers: z.array(CallPeer), replaced: z.boolean().optional() });
export type CallJoinAck = z.infer<typeof CallJoinAck>;
/** Server -> client: `call:peer-joined`, to the other participant's tabs. */
export const CallPeerEvent = CallPeer.extend({ appointmentId: z.string() });
export type CallPeerEvent = z.infer<typeof CallPeerEvent>;
/** Server -> client: `call:peer-left`, to the other participant's tabs (the connection that left). */
export const CallPeerLeftEvent = CallPeer.omit({ joinedAt: true }).extend({ appointmentId: z.string() });
export type CallPeerLeftEvent = z.infer<typeof CallPeerLeftEvent>;

type Joined = Pick<CallPeer, 'connection' | 'joinedAt'>;
/** Whether `a` joined the call after `b`: a total order (a tie in time goes to the greater connection id). */
export const joinedAfter = (a: Joined, b: Joined): boolean =>
  a.joinedAt !== b.joinedAt ? a.joinedAt > b.joinedAt : a.connection > b.connection;
/** Server -> client: a signal from the other participant. */
export const CallSignalEvent = z.object({ appointmentId: z.string(), from: z.string(), data: CallSignalData });

export const callEvents = {
  join: 'call:join',
  leave: 'call:leave',
  signal: 'call:signal',
  peerJoined: 'call:peer-joined',
  peerLeft: 'call:peer-left',
  /** To a tab whose place in the call another tab of the same user took. */
  replaced: 'call:replaced',
} as const;
