import { AppError } from '../../../platform/app-error.ts';
import { reschedule } from '../domain/appointment-lifecycle.ts';
import type { Appointment } from '../domain/appointment.ts';
import { appointmentMails } from './appointment-mail.ts';
import { appointmentNotifications } from './appointment-notifications.ts';
import { remindersEffect } from './appointment-reminders.ts';
import { toAppointmentView } from './appointment-view.ts';
import { loadOwnAppointment, type Caller } from './load-own-appointment.ts';
import type { AppointmentsDeps } from './ports.ts';
import { applied, storeChange } from './store-change.ts';

export function makeRescheduleAppointment(deps: AppointmentsDeps) {
  /**
   * Claims the new time (keeping cells the old and new times share), stores the
   * move from the version that was read, then frees the old time. A call that
   * loses to another change gives back exactly the cells it inserted.
   */
  return async function rescheduleAppointment(id: string, caller: Caller, start: Date) {
    const { appointment, as } = await loadOwnAppointment(deps, id, caller);
    const now = deps.clock.now();
    const result = applied(reschedule(appointment, as, now, start));
    if (!(await deps.directory.findListedDoctor(appointment.doctorId))) {
      throw new AppError('CONFLICT', 'This doctor is not taking appointments now, so it cannot be moved. You can cancel it.');
    }
    const claim = await deps.time.claimTime({
      doctorId: appointment.doctorId,
      patientId: appointment.patientId,
      start,
      holdId: id,
      keep: appointment.claimIds,
    });
    const next: Appointment = {
      ...appointment,
      start: claim.slot.start,
      end: claim.slot.end,
      sequence: appointment.sequence + 1,
      version: appointment.version + 1,
      claimIds: claim.claimIds,
      history: [...appointment.history, result.change],
      updatedAt: now,
    };
    const giveBack = () => deps.time.releaseClaims({ holdId: id, ids: claim.inserted, token: claim.token });
    try {
      await storeChange(deps, next, [
        ...appointmentMails(next, 'rescheduled', now),
        ...appointmentNotifications(next, 'rescheduled'),
        remindersEffect(next),
      ]);
    } catch (error) {
      // A lost race gives its cells back. After an unknown failure the move may have been
      // stored after all: storing an unchanged copy as the same version (as the reconciler
      // does) settles it; if that lands, the move never can, and the cells go back at once.
      // Otherwise (the database is away, or the move landed) the reconciler decides.
      const lost =
        error instanceof AppError ||
        (await deps.appointments.save({ ...appointment, version: next.version }, []).catch(() => 'unknown')) === 'ok';
      if (lost) await giveBack().catch(() => {});
      throw error;
    }
    const kept = new Set(next.claimIds);
    await deps.time.releaseClaims({ holdId: id, ids: appointment.claimIds.filter((c) => !kept.has(c)) });
    return toAppointmentView(next);
  };
}
