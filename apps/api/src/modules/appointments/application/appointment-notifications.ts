import { notificationEffect, type SideEffect } from '../../../platform/side-effect.ts';
import type { Actor } from '../domain/appointment-lifecycle.ts';
import type { Appointment } from '../domain/appointment.ts';
import { when } from './appointment-mail.ts';

/** One participant of an appointment as notices address them: in their zone, naming the other, linking their page. */
export interface Side {
  role: 'patient' | 'doctor';
  userId: string;
  name: string;
  email: string;
  other: string;
  zone: string;
  /** The appointment's page in the web app for this side. */
  link: string;
}

export function sidesOf(a: Appointment): Side[] {
  return [
    {
      role: 'patient',
      userId: a.patientId,
      name: a.patient.name,
      email: a.patient.email,
      other: a.doctor.name,
      zone: a.patient.timeZone ?? a.doctor.timeZone,
      link: `/patient/appointments/${a.id}`,
    },
    {
      role: 'doctor',
      userId: a.doctorId,
      name: a.doctor.name,
      email: a.doctor.email,
      other: a.patient.name,
      zone: a.doctor.timeZone,
      link: `/doctor/appointments/${a.id}`,
    },
  ];
}

export type NoticeKind = 'booked' | 'cancelled' | 'rescheduled';

const notices: Record<NoticeKind, (s: Side, at: string) => { title: string; body: string }> = {
  booked: (s, at) =>
    s.role === 'patient'
      ? { title: 'Booking confirmed', body: `Your consultation with ${s.other} on ${at} is confirmed.` }
      : { title: 'New booking', body: `${s.other} booked a consultation with you on ${at}.` },
  cancelled: (s, at) => ({ title: 'Appointment cancelled', body: `Your consultation with ${s.other} on ${at} was cancelled.` }),
  rescheduled: (s, at) => ({ title: 'Appointment rescheduled', body: `Your consultation with ${s.other} moved to ${at}.` }),
};

/**
 * In-app notifications of a change (beside its e-mails; never the reason: health data stays
 * on the appointment's page): a booking and a move to both sides, a cancellation to the side
 * that did not make it.
 */
export function appointmentNotifications(a: Appointment, kind: NoticeKind, by?: Actor): SideEffect[] {
  return sidesOf(a)
    .filter((s) => s.role !== by)
    .map((s) =>
      notificationEffect({
        userId: s.userId,
        type: `appointment.${kind}`,
        ...notices[kind](s, when(a.start, s.zone)),
        link: s.link,
      }),
    );
}
