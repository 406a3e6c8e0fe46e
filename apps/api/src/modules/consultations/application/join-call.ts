import { joinedAfter, type CallJoinAck } from '@doctime/contracts';
import { otherSide } from '../domain/call-side.ts';
import { callRoom, openCall, type Caller } from './open-call.ts';
import type { CallMember, CallSocket, ConsultationsDeps } from './ports.ts';

export const CALL_PEER_JOINED = 'call:peer-joined';
export const CALL_PEER_LEFT = 'call:peer-left';
export const CALL_REPLACED = 'call:replaced';

const stamp = (m: CallMember) => ({ connection: m.socketId, joinedAt: m.joinedAt });
/** The member that joined last (the contract's order), if any. */
const latest = (members: CallMember[]) =>
  members.reduce<CallMember | undefined>((last, m) => (!last || joinedAfter(stamp(m), stamp(last)) ? m : last), undefined);

export function makeJoinCall(deps: ConsultationsDeps) {
  /**
   * Puts the caller's socket in the appointment's call room (its patient or doctor, while the
   * window is open), so signals reach it, and records the join. One socket per side: the one
   * that joined last stays. The room is listed after joining, so of two tabs that join at
   * once, the later lister sees the other: a tab that finds a later one of its user leaves;
   * one that finds earlier ones tells them and takes them out. Either way the other side
   * hears each leave, then the join of the one that stays, and the answer says who else is in.
   */
  return async function joinCall(appointmentId: string, caller: Caller, socket: CallSocket): Promise<CallJoinAck> {
    const { facts, side } = await openCall(deps, appointmentId, caller);
    const room = callRoom(appointmentId);
    const other = otherSide(facts, side);
    const me = { connection: socket.id, joinedAt: socket.join(room) };
    await deps.attendance.record(appointmentId, { side, kind: 'joined', connection: socket.id, at: deps.clock.now() });
    const announce = (event: string, who: object) =>
      deps.realtime.toUsers([other.userId], event, { appointmentId, userId: caller.userId, role: side, ...who });
    const left = async (connection: string) => {
      await deps.attendance.record(appointmentId, { side, kind: 'left', connection, at: deps.clock.now() });
      announce(CALL_PEER_LEFT, { connection });
    };

    const members = await socket.membersOf(room);
    const mine = members.filter((m) => m.userId === caller.userId && m.socketId !== socket.id);
    if (mine.some((m) => joinedAfter(stamp(m), me))) {
      socket.leave(room);
      await left(socket.id);
      return { peers: [], replaced: true };
    }
    for (const earlier of mine) {
      earlier.evict(CALL_REPLACED, { appointmentId });
      await left(earlier.socketId);
    }
    announce(CALL_PEER_JOINED, me);
    const peer = latest(members.filter((m) => m.userId === other.userId));
    return { peers: peer ? [{ userId: other.userId, role: other.side, ...stamp(peer) }] : [] };
  };
}
