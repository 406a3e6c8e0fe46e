import { emailEffect, type SideEffect } from '../../../platform/side-effect.ts';
import type { Appointment } from '../domain/appointment.ts';
import { buildCalendarInvite } from '../domain/calendar-invite.ts';

export type MailKind = 'booked' | 'cancelled' | 'rescheduled';

export const when = (date: Date, timeZone: string) =>
  `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date)} (${timeZone})`;

/** The .ics both sides get: same UID every time, SEQUENCE from the appointment, CANCEL when cancelled. */
export function calendarFile(a: Appointment, stamp: Date): string {
  return buildCalendarInvite({
    appointmentId: a.id,
    method: a.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    sequence: a.sequence,
    start: a.start,
    end: a.end,
    stamp,
    summary: `DocTime consultation: ${a.doctor.name} and ${a.patient.name}`,
    // Never the reason: health data stays in the app, not in mailboxes and calendars.
    description: 'Online consultation on DocTime',
    location: 'DocTime video consultation',
    organizer: { name: a.doctor.name, email: a.doctor.email },
    attendees: [{ name: a.patient.name, email: a.patient.email }],
  });
}

const subjects: Record<MailKind, string> = {
  booked: 'Appointment confirmed',
  cancelled: 'Appointment cancelled',
  rescheduled: 'Appointment rescheduled',
};

/** Mails for patient and doctor, each in their own time zone, with the calendar file attached. */
export function appointmentMails(a: Appointment, kind: MailKind, now: Date, note?: string): SideEffect[] {
  const ics = calendarFile(a, now);
  const attachment = {
    filename: 'appointment.ics',
    content: ics,
    contentType: `text/calendar; charset=utf-8; method=${a.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
  };
  const sides = [
    { to: a.patient.email, name: a.patient.name, other: a.doctor.name, zone: a.patient.timeZone ?? a.doctor.timeZone },
    { to: a.doctor.email, name: a.doctor.name, other: a.patient.name, zone: a.doctor.timeZone },
  ];
  return sides.map((s) =>
    emailEffect({
      to: s.to,
      subject: `${subjects[kind]}: ${s.other}, ${when(a.start, s.zone)}`,
      text: [
        `Hello ${s.name},`,
        '',
        `Your consultation with ${s.other} on ${when(a.start, s.zone)} is ${kind === 'cancelled' ? 'cancelled' : kind === 'rescheduled' ? 'moved to this new time' : 'confirmed'}.`,
        ...(note ? ['', note] : []),
        '',
        'The attached calendar file updates your calendar.',
        '',
        'DocTime',
      ].join('\n'),
      attachments: [attachment],
    }),
  );
}
