import { AppError } from '../../../platform/app-error.ts';
import type { Appointment } from '../domain/appointment.ts';
import { appointmentMails } from './appointment-mail.ts';
import { appointmentNotifications } from './appointment-notifications.ts';
import { remindersEffect } from './appointment-reminders.ts';
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

const TOO_SLOW = 'Booking took too long. Please try again.';

/**
 * Books a slot: the slot engine must offer it, then scheduling claims its
 * cells by unique insert and the appointment is stored as version 1. With an
 * Idempotency-Key, appointment ids are derived from the key, so a retry finds
 * (or finishes) what an earlier attempt created, and gets the first outcome.
 */
export function makeBookAppointment(deps: AppointmentsDeps) {
  /** Claims the time and stores the appointment as `id`; 'abandoned' when the reconciler gave `id` up meanwhile. */
  async function book(input: BookInput, id: string, retryOfSameHold: boolean): Promise<Appointment | 'abandoned'> {
    const [doctor, patient] = await Promise.all([
      deps.directory.findListedDoctor(input.doctorId),
      deps.directory.findAccount(input.patientId),
    ]);
    if (!doctor || !patient) throw new AppError('NOT_FOUND', 'No such doctor.');
    const claim = await deps.time.claimTime({
      doctorId: doctor.id,
      patientId: patient.id,
      start: input.start,
      holdId: id,
      retryOfSameHold,
    });
    const now = deps.clock.now();
    const appointment: Appointment = {
      id,
      doctorId: doctor.id,
      patientId: patient.id,
      start: claim.slot.start,
      end: claim.slot.end,
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
      version: 1,
      claimIds: claim.claimIds,
      history: [{ from: 'pending_payment', to: 'confirmed', by: 'patient', at: now }],
      createdAt: now,
      updatedAt: now,
    };
    const giveBack = () => deps.time.releaseClaims({ holdId: id, ids: claim.inserted, token: claim.token });
    let created: 'ok' | 'conflict';
    try {
      created = await deps.appointments.create(appointment, [
        ...appointmentMails(appointment, 'booked', now),
        ...appointmentNotifications(appointment, 'booked'),
        remindersEffect(appointment),
      ]);
    } catch (error) {
      return settleFailedCreate(id, giveBack, error);
    }
    if (created === 'ok') return appointment;
    const existing = await deps.appointments.findById(id); // a concurrent retry of the same booking won
    if (existing) return existing;
    await giveBack();
    return 'abandoned';
  }

  /**
   * Storing failed with an unknown outcome: the appointment may exist after all.
   * Fencing the id (marking it abandoned) settles it: if that works, the
   * appointment can never appear, and this call gives back its own cells at
   * once; if the id exists, the booking did succeed. Only when even that cannot
   * be told (the database is away) do the cells stay, for the reconciler.
   */
  async function settleFailedCreate(id: string, giveBack: () => Promise<void>, error: unknown): Promise<Appointment> {
    const fenced = await deps.appointments.abandon(id).catch(() => 'unknown' as const);
    if (fenced === 'ok') await giveBack().catch(() => {});
    if (fenced === 'conflict') {
      const existing = await deps.appointments.findById(id).catch(() => null);
      if (existing) return existing;
    }
    throw error;
  }

  async function bookOnce(input: BookInput, key: string) {
    // Attempt ids are derived from the key: a retry first looks for what an earlier attempt stored.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const id = deps.deriveId(`${key}:${attempt}`);
      const booked = (await deps.appointments.findById(id)) ?? (await book(input, id, true));
      if (booked !== 'abandoned') return booked;
    }
    throw new AppError('CONFLICT', TOO_SLOW);
  }

  return async function bookAppointment(input: BookInput) {
    if (!input.idempotencyKey) {
      const booked = await book(input, deps.newId(), false);
      if (booked === 'abandoned') throw new AppError('CONFLICT', TOO_SLOW);
      return toAppointmentView(booked);
    }
    const key = `${input.patientId}:${input.idempotencyKey}`;
    const fingerprint = deps.deriveId(
      JSON.stringify([input.doctorId, input.start.toISOString(), input.reason ?? '', input.timeZone ?? '']),
    );
    const earlier = await deps.idempotency.begin(key, fingerprint, deps.clock.now());
    if (earlier.state === 'reused') {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
    }
    if (earlier.state === 'pending') {
      throw new AppError('CONFLICT', 'The first request with this Idempotency-Key is still being processed.', {
        retryAfterSeconds: earlier.retryAfterSeconds,
      });
    }
    if (earlier.state === 'done') {
      const { outcome } = earlier;
      if ('error' in outcome)
        throw new AppError(outcome.error.code as AppError['code'], outcome.error.message, outcome.error.details);
      const first = await deps.appointments.findById(outcome.appointmentId);
      if (!first) throw new AppError('NOT_FOUND', 'The earlier appointment no longer exists.');
      return toAppointmentView(first);
    }
    try {
      const appointment = await bookOnce(input, key);
      await deps.idempotency.finish(key, { appointmentId: appointment.id });
      return toAppointmentView(appointment);
    } catch (error) {
      // An answer is remembered; an outage is not (the retry, once the lease ends, tries again).
      if (error instanceof AppError) {
        await deps.idempotency.finish(key, {
          error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
        });
      }
      throw error;
    }
  };
}
