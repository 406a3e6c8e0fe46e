import type { AttendanceEvent } from '../domain/attendance.ts';

/** What consultations learn of an appointment (appointments' facts). */
export interface AppointmentFacts {
  id: string;
  patientId: string;
  doctorId: string;
  status: string;
  start: Date;
  end: Date;
}

/** What the room needs from the video provider to start a call; never its secrets. */
export type CallCredentials =
  | { provider: 'webrtc'; roomId: string; iceServers: { urls: string | string[]; username?: string; credential?: string }[] }
  | { provider: 'zego'; appId: number; roomId: string; userId: string; userName: string; token: string };

/** Built-in WebRTC or Zego Cloud (chosen by configuration). */
export interface VideoProvider {
  credentials(input: { roomId: string; userId: string; userName: string; expiresAt: Date; now: Date }): CallCredentials;
}

/** Each consultation's joins and leaves, in the order stored (insert-only). */
export interface AttendanceLog {
  record(appointmentId: string, event: AttendanceEvent): Promise<void>;
  eventsOf(appointmentId: string): Promise<AttendanceEvent[]>;
}

/** The socket a call event came from (the realtime server's socket context, as this module uses it). */
export interface CallSocket {
  id: string;
  /** Answers when it joined (ms), the `joinedAt` that `membersOf` shows. */
  join(room: string): number;
  leave(room: string): void;
  isIn(room: string): boolean;
  /** To the room's other sockets, on every process. */
  toOthersIn(room: string, event: string, payload: unknown): void;
  /** The room's sockets on every process; `evict` tells one `event` and takes it out. */
  membersOf(room: string): Promise<CallMember[]>;
}

export interface CallMember {
  socketId: string;
  userId: string;
  joinedAt: number;
  evict(event: string, payload: unknown): void;
}

export interface ConsultationsDeps {
  appointments: { findAppointmentFacts(id: string): Promise<AppointmentFacts | null> };
  users: { findAccount(id: string): Promise<{ name: string } | null> };
  video: VideoProvider;
  attendance: AttendanceLog;
  /** To every open tab of some users (the other participant learns who came and went). */
  realtime: { toUsers(userIds: readonly string[], event: string, payload: unknown): void };
  clock: { now(): Date };
}
