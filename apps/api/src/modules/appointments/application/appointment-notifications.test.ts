import { describe, expect, it } from 'vitest';
import type { Appointment } from '../domain/appointment.ts';
import { appointmentNotifications } from './appointment-notifications.ts';

const a = {
  id: 'a1',
  patientId: 'p1',
  doctorId: 'd1',
  start: new Date('2026-03-04T08:00:00Z'),
  reason: 'Chest pain',
  doctor: { name: 'Dr One', email: 'd1@x.test', timeZone: 'Europe/London' },
  patient: { name: 'Pat One', email: 'p1@x.test', timeZone: 'Asia/Kolkata' },
} as Appointment;

const shown = (kind: Parameters<typeof appointmentNotifications>[1], by?: 'patient' | 'doctor' | 'admin') =>
  appointmentNotifications(a, kind, by).map((e) => e.payload);

describe('appointment notifications', () => {
  it('tell both sides of a booking, each in their zone with a link to their page, and never the reason', () => {
    expect(shown('booked')).toEqual([
      {
        userId: 'p1',
        type: 'appointment.booked',
        title: 'Booking confirmed',
        body: 'Your consultation with Dr One on Wednesday, 4 March 2026 at 13:30 (Asia/Kolkata) is confirmed.',
        link: '/patient/appointments/a1',
      },
      {
        userId: 'd1',
        type: 'appointment.booked',
        title: 'New booking',
        body: 'Pat One booked a consultation with you on Wednesday, 4 March 2026 at 08:00 (Europe/London).',
        link: '/doctor/appointments/a1',
      },
    ]);
    expect(JSON.stringify([shown('booked'), shown('rescheduled'), shown('cancelled')])).not.toContain('Chest pain');
  });

  it('tell both sides of a move, and of a cancellation the side that did not make it', () => {
    expect(shown('rescheduled').map((n) => [n['userId'], n['title']])).toEqual([
      ['p1', 'Appointment rescheduled'],
      ['d1', 'Appointment rescheduled'],
    ]);
    expect(shown('cancelled', 'patient').map((n) => n['userId'])).toEqual(['d1']);
    expect(shown('cancelled', 'doctor').map((n) => n['userId'])).toEqual(['p1']);
    expect(shown('cancelled', 'admin').map((n) => n['userId'])).toEqual(['p1', 'd1']);
  });
});
