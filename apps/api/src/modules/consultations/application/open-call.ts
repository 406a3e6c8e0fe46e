import { AppError } from '../../../platform/app-error.ts';
import { sideOf } from '../domain/call-side.ts';
import { callWindow, isCallOpen } from '../domain/call-window.ts';
import type { ConsultationsDeps } from './ports.ts';

export interface Caller {
  userId: string;
  role: string;
}

export const callRoom = (appointmentId: string) => `call:${appointmentId}`;

/** The appointment's facts and the caller's side: 404 for anyone but its patient and doctor. */
export async function loadOwnCall(deps: ConsultationsDeps, appointmentId: string, caller: Caller) {
  const facts = await deps.appointments.findAppointmentFacts(appointmentId);
  const side = facts && sideOf(facts, caller);
  if (!facts || !side) throw new AppError('NOT_FOUND', 'No such appointment.');
  return { facts, side };
}

/** As `loadOwnCall`, and only while the call is open: 409 CONSULTATION_NOT_OPEN with its window otherwise. */
export async function openCall(deps: ConsultationsDeps, appointmentId: string, caller: Caller) {
  const own = await loadOwnCall(deps, appointmentId, caller);
  if (!isCallOpen(own.facts, deps.clock.now())) {
    const { opensAt, closesAt } = callWindow(own.facts);
    const message =
      own.facts.status === 'confirmed'
        ? 'The consultation room opens 10 minutes before the start and closes 30 minutes after the end.'
        : 'The consultation room is open only for a confirmed appointment.';
    throw new AppError('CONSULTATION_NOT_OPEN', message, {
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    });
  }
  return own;
}
