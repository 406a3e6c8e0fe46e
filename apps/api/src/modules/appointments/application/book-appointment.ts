import { AppError } from '../../../platform/app-error.ts';
import type { Appointment } from '../domain/appointment.ts';
import { mailInBackground } from './appointment-mail.ts';
import { toAppointmentView } from './appointment-view.ts';
import type { AppointmentsDeps } from './ports.ts';

interface BookInput {
  patientId: string;
  doctorId: string;
  start: Date;
  reason?: string | undefined;
  timeZone?: string | undefined;
  idempotencyKey?: string | undefined;
}

/**
 * Books a slot: the slot engine must offer it, then scheduling claims its
 * cells by unique insert (no check-then-write). With an Idempotency-Key, a
 * retry gets the first attempt's outcome, success or failure.
 */
export function makeBookAppointment(deps: AppointmentsDeps) {
  async function book(input: BookInput) {
    const [doctor, patient] = await Promise.all([
      deps.directory.findListedDoctor(input.doctorId),
      deps.directory.findAccount(input.patientId),
    ]);
    if (!doctor || !patient) throw new AppError('NOT_FOUND', 'No such doctor.');
    const id = deps.newId();
    const { slot } = await deps.time.claimTime({ doctorId: doctor.id, patientId: patient.id, start: input.start, holdId: id });
    const now = deps.clock.now();
    const appointment: Appointment = {
      id,
      doctorId: doctor.id,
      patientId: patient.id,
      start: slot.start,
      end: slot.end,
      status: 'confirmed',
      ...(input.reason ? { reason: input.reason } : {}),
      doctor: {
        name: doctor.name,
        email: doctor.email,
        timeZone: doctor.timeZone,
        ...(doctor.specialty ? { specialty: doctor.specialty } : {}),
      },
      patient: { name: patient.name, email: patient.email, ...(input.timeZone ? { timeZone: input.timeZone } : {}) },
      sequence: 0,
      history: [{ from: 'pending_payment', to: 'confirmed', by: 'patient', at: now }],
      createdAt: now,
      updatedAt: now,
    };
    try {
      await deps.appointments.insert(appointment);
    } catch (error) {
      await deps.time.releaseTime(id);
      throw error;
    }
    mailInBackground(deps, appointment, 'booked');
    return appointment;
  }

  return async function bookAppointment(input: BookInput) {
    if (!input.idempotencyKey) return toAppointmentView(await book(input));
    const key = `${input.patientId}:${input.idempotencyKey}`;
    const earlier = await deps.idempotency.begin(key, deps.clock.now());
    if (earlier === 'pending')
      throw new AppError('CONFLICT', 'The first request with this Idempotency-Key is still being processed.');
    if (earlier !== 'new') {
      if ('error' in earlier)
        throw new AppError(earlier.error.code as AppError['code'], earlier.error.message, earlier.error.details);
      const first = await deps.appointments.findById(earlier.appointmentId);
      if (!first) throw new AppError('NOT_FOUND', 'The earlier appointment no longer exists.');
      return toAppointmentView(first);
    }
    try {
      const appointment = await book(input);
      await deps.idempotency.finish(key, { appointmentId: appointment.id });
      return toAppointmentView(appointment);
    } catch (error) {
      if (error instanceof AppError) {
        await deps.idempotency.finish(key, {
          error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
        });
      } else {
        await deps.idempotency.abandon(key); // an outage is not an answer: let the retry try again
      }
      throw error;
    }
  };
}
