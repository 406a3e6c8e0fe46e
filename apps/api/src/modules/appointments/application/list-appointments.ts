import { AppError } from '../../../platform/app-error.ts';
import { toAppointmentView } from './appointment-view.ts';
import type { Caller } from './load-own-appointment.ts';
import type { AppointmentsDeps } from './ports.ts';

export function makeListAppointments(deps: AppointmentsDeps) {
  /**
   * The caller's own appointments. An admin sees all, without the health data (reason and
   * free-text notes of the history): reading those is opening one appointment, which is audited.
   */
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
    const shown =
      caller.role === 'admin'
        ? items.map(({ reason: _r, history, ...a }) => ({ ...a, history: history.map(({ reason: _n, ...h }) => h) }))
        : items;
    return { items: shown.map(toAppointmentView), total, page: query.page, limit: query.limit };
  };
}
