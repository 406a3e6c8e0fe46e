import { SocketCallJoin, SocketCallLeave, SocketCallSignal, callEvents } from '@doctime/contracts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { SocketClosingListener, SocketEventHandler } from '../../../platform/realtime/realtime.ts';
import type { ConsultationsUseCases } from '../application/use-cases.ts';

const CALL_ROOM = /^call:(.+)$/;

/** The call's socket events: parse with the contract schema, call one use case, acknowledge. */
export function consultationsSocketHandlers(useCases: ConsultationsUseCases): Record<string, SocketEventHandler> {
  return {
    [callEvents.join]: async (caller, payload, socket) =>
      useCases.joinCall(parseWith(SocketCallJoin, payload).appointmentId, caller, socket),
    [callEvents.signal]: async (caller, payload, socket) => {
      const { appointmentId, data } = parseWith(SocketCallSignal, payload);
      useCases.relaySignal(appointmentId, caller, socket, data);
    },
    [callEvents.leave]: async (caller, payload, socket) =>
      useCases.leaveCall(parseWith(SocketCallLeave, payload).appointmentId, caller, socket),
  };
}

/** A socket that closes while in a call has left it. */
export function leaveCallsOnClose(useCases: ConsultationsUseCases, onError: (err: unknown) => void): SocketClosingListener {
  return (caller, socketId, rooms) => {
    for (const room of rooms) {
      const appointmentId = CALL_ROOM.exec(room)?.[1];
      if (!appointmentId) continue;
      useCases.leaveCall(appointmentId, caller, { id: socketId, isIn: () => true, leave: () => undefined }).catch(onError);
    }
  };
}
