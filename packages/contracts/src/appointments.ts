import { z } from 'zod';
import { trimmedText } from './common.ts';
import { Consultation } from './consultations.ts';
import { TimeZone } from './scheduling.ts';

export const appointmentStatusValues = ['pending_payment', 'confirmed', 'cancelled', 'completed', 'no_show'] as const;
export const AppointmentStatus = z.enum(appointmentStatusValues);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

const Instant = z.iso.datetime({ message: 'Use an ISO-8601 UTC time like 2026-12-01T09:30:00Z' });

export const BookAppointmentRequest = z
  .object({
    doctorId: trimmedText(1, 100, { min: 'Choose a doctor' }),
    start: Instant,
    reason: z.string().trim().max(500, 'Keep the reason under 500 characters').optional(),
    /** The patient's zone, for times in their e-mails. */
    timeZone: TimeZone.optional(),
  })
  .meta({ id: 'BookAppointmentRequest' });
export type BookAppointmentRequest = z.input<typeof BookAppointmentRequest>;

/** Booking again with the same key replays the first result. */
export const BookAppointmentHeaders = z.object({
  'idempotency-key': trimmedText(8, 200, { min: 'Use at least 8 characters' }).optional(),
});

export const CancelAppointmentRequest = z
  .object({ reason: trimmedText(3, 500, { min: 'Tell the other side why (at least 3 characters)' }) })
  .meta({ id: 'CancelAppointmentRequest' });
export const RescheduleAppointmentRequest = z.object({ start: Instant }).meta({ id: 'RescheduleAppointmentRequest' });

export const AppointmentHistoryEntry = z.object({
  from: AppointmentStatus,
  to: AppointmentStatus,
  by: z.enum(['patient', 'doctor', 'admin']),
  at: z.string(),
  reason: z.string().optional(),
});

export const Appointment = z
  .object({
    id: z.string(),
    doctorId: z.string(),
    patientId: z.string(),
    start: z.string(),
    end: z.string(),
    status: AppointmentStatus,
    reason: z.string().optional(),
    doctor: z.object({ id: z.string(), name: z.string(), specialty: z.string().optional(), timeZone: z.string() }),
    patient: z.object({ id: z.string(), name: z.string() }),
    /** Cancel and reschedule are open until this instant (the doctor's policy window). */
    changeableUntil: z.string(),
    history: z.array(AppointmentHistoryEntry),
    createdAt: z.string(),
    /** On one appointment's own page (not in lists): its video consultation. */
    consultation: Consultation.optional(),
  })
  .meta({ id: 'Appointment' });
export type Appointment = z.infer<typeof Appointment>;
export const AppointmentResponse = z.object({ appointment: Appointment });
/** The patient's earlier appointments with the same doctor, newest first (the doctor's panel beside a call). */
export const EarlierAppointments = z.object({ items: z.array(Appointment) }).meta({ id: 'EarlierAppointments' });
export type EarlierAppointments = z.infer<typeof EarlierAppointments>;

export const AppointmentListQuery = z.object({
  scope: z.enum(['upcoming', 'past']).default('upcoming'),
  status: AppointmentStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const AppointmentList = z
  .object({ items: z.array(Appointment), total: z.number(), page: z.number(), limit: z.number() })
  .meta({ id: 'AppointmentList' });
export type AppointmentList = z.infer<typeof AppointmentList>;
