import type { CallSignalData } from '@doctime/contracts';
import { AppError } from '../../../platform/app-error.ts';
import { callRoom, type Caller } from './open-call.ts';
import type { CallSocket } from './ports.ts';

export const CALL_SIGNAL = 'call:signal';

/**
 * Relays a WebRTC signal to the other socket in the call, and to nobody else: only a socket
 * that joined (its patient's or doctor's, checked then) may signal, and the room holds at most
 * one socket per side.
 */
export function relaySignal(appointmentId: string, caller: Caller, socket: CallSocket, data: CallSignalData) {
  const room = callRoom(appointmentId);
  if (!socket.isIn(room)) throw new AppError('NOT_FOUND', 'Join the call before signalling.');
  socket.toOthersIn(room, CALL_SIGNAL, { appointmentId, from: caller.userId, data });
}
