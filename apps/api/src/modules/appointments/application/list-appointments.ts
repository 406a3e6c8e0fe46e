import { AppError } from '../../../platform/app-error.ts';
import { toAppointmentView } from './appointment-view.ts';
import { loadOwnAppointment, type Caller } from './load-own-appointment.ts';
import { calendarFile } from './appointment-mail.ts';
import type { AppointmentsDeps } from './ports.ts';

export function makeListAppointments(deps: AppointmentsDeps) {
  /** The caller's own appointments (an admin sees all). */
  return async function listAppointments(
    caller: Caller,
    query: {
      scope: 'upcoming' | 'past';
      status?: 'pending_payment' | 'confirmed' | 'cancelled' | 'completed' | 'no_show' | undefined;
      page: number;
      limit: number;
    },
  ) {
    const owner =
      caller.role === 'patient'
        ? { patientId: caller.userId }
        : caller.role === 'doctor'
          ? { doctorId: caller.userId }
          : caller.role === 'admin'
            ? {}
            : null;
    if (!owner) throw new AppError('FORBIDDEN', 'You do not have access to this.');
    const { items, total } = await deps.appointments.list({
      ...owner,
      scope: query.scope,
      status: query.status,
      now: deps.clock.now(),
      skip: (query.page - 1) * query.limit,
      limit: query.limit,
    });
    return { items: items.map(toAppointmentView), total, page: query.page, limit: query.limit };
  };
}

export function makeGetAppointment(deps: AppointmentsDeps) {
  return async function getAppointment(id: string, caller: Caller) {
    return toAppointmentView((await loadOwnAppointment(deps, id, caller)).appointment);
  };
}

export function makeAppointmentCalendar(deps: AppointmentsDeps) {
  return async function appointmentCalendar(id: string, caller: Caller) {
    const { appointment } = await loadOwnAppointment(deps, id, caller);
    return calendarFile(appointment, deps.clock.now());
  };
}
