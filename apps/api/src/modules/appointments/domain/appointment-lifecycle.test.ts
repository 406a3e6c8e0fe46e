import { describe, expect, it } from 'vitest';
import {
  cancel,
  complete,
  markNoShow,
  reschedule,
  type AppointmentStatus,
  type LifecycleSubject,
} from './appointment-lifecycle.ts';

const start = new Date('2026-03-30T09:00:00Z');
const confirmed: LifecycleSubject = { status: 'confirmed', start };
const hoursBefore = (h: number) => new Date(start.getTime() - h * 3_600_000);
const closed: AppointmentStatus[] = ['cancelled', 'completed', 'no_show', 'pending_payment'];

describe('cancel', () => {
  it('lets the patient or doctor cancel at least 4 hours ahead, with a history entry', () => {
    const now = hoursBefore(4);
    expect(cancel(confirmed, 'patient', now, 4, 'Feeling better')).toEqual({
      ok: true,
      status: 'cancelled',
      change: { from: 'confirmed', to: 'cancelled', by: 'patient', at: now, reason: 'Feeling better' },
    });
    const byDoctor = cancel(confirmed, 'doctor', hoursBefore(24));
    expect(byDoctor.ok && byDoctor.change).toEqual({ from: 'confirmed', to: 'cancelled', by: 'doctor', at: hoursBefore(24) });
  });

  it('refuses patients and doctors inside the window, with the policy in words', () => {
    const late = hoursBefore(4 - 1 / 60);
    for (const by of ['patient', 'doctor'] as const) {
      expect(cancel(confirmed, by, late)).toEqual({
        ok: false,
        code: 'CONFLICT',
        message: 'Appointments can be cancelled up to 4 hours before the start',
      });
    }
    expect(cancel(confirmed, 'patient', hoursBefore(23), 24)).toMatchObject({
      ok: false,
      message: 'Appointments can be cancelled up to 24 hours before the start',
    });
  });

  it('lets an admin cancel at any time, even after the start', () => {
    expect(cancel(confirmed, 'admin', new Date(start.getTime() + 3_600_000))).toMatchObject({ ok: true, status: 'cancelled' });
  });

  it('works only from confirmed', () => {
    for (const status of closed) {
      expect(cancel({ status, start }, 'admin', hoursBefore(48))).toMatchObject({ ok: false, code: 'CONFLICT' });
    }
    expect(cancel({ status: 'cancelled', start }, 'patient', hoursBefore(48))).toMatchObject({
      message: 'This appointment is cancelled, so it cannot be changed',
    });
  });
});

describe('reschedule', () => {
  const newStart = new Date('2026-03-31T10:00:00Z');

  it('lets the patient move a confirmed appointment in time', () => {
    expect(reschedule(confirmed, 'patient', hoursBefore(5), newStart)).toEqual({
      ok: true,
      status: 'confirmed',
      change: {
        from: 'confirmed',
        to: 'confirmed',
        by: 'patient',
        at: hoursBefore(5),
        reason: 'Moved from 2026-03-30T09:00:00.000Z to 2026-03-31T10:00:00.000Z',
      },
    });
  });

  it('is for the patient only', () => {
    expect(reschedule(confirmed, 'doctor', hoursBefore(5), newStart)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(reschedule(confirmed, 'admin', hoursBefore(5), newStart)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('has the same window as cancelling, needs confirmed and a new time', () => {
    expect(reschedule(confirmed, 'patient', hoursBefore(3), newStart)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: 'Appointments can be rescheduled up to 4 hours before the start',
    });
    expect(reschedule({ status: 'completed', start }, 'patient', hoursBefore(5), newStart)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(reschedule(confirmed, 'patient', hoursBefore(5), start)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: 'Choose a different time',
    });
  });
});

describe('complete and markNoShow', () => {
  const after = new Date(start.getTime() + 60_000);

  it('let the doctor close a confirmed appointment from its start time', () => {
    expect(complete(confirmed, 'doctor', start)).toEqual({
      ok: true,
      status: 'completed',
      change: { from: 'confirmed', to: 'completed', by: 'doctor', at: start },
    });
    expect(markNoShow(confirmed, 'doctor', after)).toMatchObject({
      ok: true,
      status: 'no_show',
      change: { from: 'confirmed', to: 'no_show' },
    });
  });

  it('are for the doctor only', () => {
    for (const by of ['patient', 'admin'] as const) {
      expect(complete(confirmed, by, after)).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: 'Only the doctor can mark an appointment completed',
      });
      expect(markNoShow(confirmed, by, after)).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: 'Only the doctor can mark a no-show',
      });
    }
  });

  it('wait for the start time', () => {
    const early = new Date(start.getTime() - 1);
    expect(complete(confirmed, 'doctor', early)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: 'An appointment can be marked completed only after it starts',
    });
    expect(markNoShow(confirmed, 'doctor', early)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: 'A no-show can be marked only after the appointment starts',
    });
  });

  it('work only from confirmed', () => {
    for (const status of closed) {
      expect(complete({ status, start }, 'doctor', after)).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(markNoShow({ status, start }, 'doctor', after)).toMatchObject({ ok: false, code: 'CONFLICT' });
    }
  });
});
