import { AppError } from '../../../platform/app-error.ts';
import type { SideEffect } from '../../../platform/side-effect.ts';
import type { TransitionResult } from '../domain/appointment-lifecycle.ts';
import type { Appointment } from '../domain/appointment.ts';
import type { AppointmentsDeps } from './ports.ts';

/** The lifecycle's answer, or its refusal as an AppError. */
export function applied(result: TransitionResult) {
  if (!result.ok) throw new AppError(result.code, result.message);
  return result;
}

/**
 * Stores `next`, made from the version that was read: only one change can be
 * stored from a given version, so a concurrent change makes this one 409.
 */
export async function storeChange(deps: AppointmentsDeps, next: Appointment, effects: SideEffect[] = []) {
  if ((await deps.appointments.save(next, effects)) === 'conflict') {
    throw new AppError('CONFLICT', 'This appointment was changed by someone else. Reload and try again.');
  }
}
