import { otherSide } from '../domain/call-side.ts';
import { CALL_PEER_LEFT } from './join-call.ts';
import { callRoom, loadOwnCall, type Caller } from './open-call.ts';
import type { CallSocket, ConsultationsDeps } from './ports.ts';

export function makeLeaveCall(deps: ConsultationsDeps) {
  /**
   * Records that a socket left the call (it hung up, closed, or lost its connection) and tells
   * the other side's tabs. A socket that was not in the call changes nothing.
   */
  return async function leaveCall(appointmentId: string, caller: Caller, socket: Pick<CallSocket, 'id' | 'isIn' | 'leave'>) {
    const room = callRoom(appointmentId);
    if (!socket.isIn(room)) return;
    socket.leave(room);
    const { facts, side } = await loadOwnCall(deps, appointmentId, caller);
    await deps.attendance.record(appointmentId, { side, kind: 'left', connection: socket.id, at: deps.clock.now() });
    deps.realtime.toUsers([otherSide(facts, side).userId], CALL_PEER_LEFT, {
      appointmentId,
      userId: caller.userId,
      role: side,
      connection: socket.id,
    });
  };
}
