import { complete, markNoShow } from '../domain/appointment-lifecycle.ts';
import type { Appointment } from '../domain/appointment.ts';
import { toAppointmentView } from './appointment-view.ts';
import { loadOwnAppointment, type Caller } from './load-own-appointment.ts';
import type { AppointmentsDeps } from './ports.ts';
import { applied, storeChange } from './store-change.ts';

export function makeRecordOutcome(deps: AppointmentsDeps) {
  /** The doctor marks a started appointment completed or a no-show; its past time stays claimed. */
  return async function recordOutcome(id: string, caller: Caller, outcome: 'completed' | 'no_show') {
    const { appointment, as } = await loadOwnAppointment(deps, id, caller);
    const now = deps.clock.now();
    const result = applied(outcome === 'completed' ? complete(appointment, as, now) : markNoShow(appointment, as, now));
    const next: Appointment = {
      ...appointment,
      status: result.status,
      version: appointment.version + 1,
      history: [...appointment.history, result.change],
      updatedAt: now,
    };
    await storeChange(deps, next);
    return toAppointmentView(next);
  };
}
