import { cancel } from '../domain/appointment-lifecycle.ts';
import type { Appointment } from '../domain/appointment.ts';
import { appointmentMails } from './appointment-mail.ts';
import { appointmentNotifications } from './appointment-notifications.ts';
import { toAppointmentView } from './appointment-view.ts';
import { loadOwnAppointment, type Caller } from './load-own-appointment.ts';
import type { AppointmentsDeps } from './ports.ts';
import { applied, storeChange } from './store-change.ts';

export function makeCancelAppointment(deps: AppointmentsDeps) {
  return async function cancelAppointment(id: string, caller: Caller, reason: string) {
    const { appointment, as } = await loadOwnAppointment(deps, id, caller);
    const now = deps.clock.now();
    const result = applied(cancel(appointment, as, now, undefined, reason));
    const next: Appointment = {
      ...appointment,
      status: result.status,
      sequence: appointment.sequence + 1,
      version: appointment.version + 1,
      claimIds: [],
      history: [...appointment.history, result.change],
      updatedAt: now,
    };
    // The cancellation is stored first, then its time freed: a crash in between leaves time
    // blocked (until the reconciler frees it), never double-booked.
    await storeChange(deps, next, [
      ...appointmentMails(next, 'cancelled', now, `Reason given: ${reason}`),
      ...appointmentNotifications(next, 'cancelled', as),
    ]);
    await deps.time.releaseClaims({ holdId: id, ids: appointment.claimIds });
    return toAppointmentView(next);
  };
}
