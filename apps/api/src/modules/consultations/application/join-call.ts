import { otherSide } from '../domain/call-side.ts';
import { callRoom, openCall, type Caller } from './open-call.ts';
import type { CallSocket, ConsultationsDeps } from './ports.ts';

export const CALL_PEER_JOINED = 'call:peer-joined';
export const CALL_PEER_LEFT = 'call:peer-left';
export const CALL_REPLACED = 'call:replaced';

export function makeJoinCall(deps: ConsultationsDeps) {
  /**
   * Puts the caller's socket in the appointment's call room (its patient or doctor, while the
   * window is open), so signals reach it; one socket per side: another tab of the same user
   * that was in the call is told and taken out (the other side hears it leave). Records the
   * join and tells the other side's tabs. Answers who else is in the call.
   */
  return async function joinCall(appointmentId: string, caller: Caller, socket: CallSocket) {
    const { facts, side } = await openCall(deps, appointmentId, caller);
    const room = callRoom(appointmentId);
    const members = await socket.membersOf(room);
    const other = otherSide(facts, side);
    const at = deps.clock.now();
    const announce = (event: string) =>
      deps.realtime.toUsers([other.userId], event, { appointmentId, userId: caller.userId, role: side });
    for (const earlier of members.filter((m) => m.userId === caller.userId && m.socketId !== socket.id)) {
      earlier.evict(CALL_REPLACED, { appointmentId });
      await deps.attendance.record(appointmentId, { side, kind: 'left', connection: earlier.socketId, at });
      announce(CALL_PEER_LEFT);
    }
    socket.join(room);
    await deps.attendance.record(appointmentId, { side, kind: 'joined', connection: socket.id, at });
    announce(CALL_PEER_JOINED);
    const there = members.some((m) => m.userId === other.userId);
    return { peers: there ? [{ userId: other.userId, role: other.side }] : [] };
  };
}
