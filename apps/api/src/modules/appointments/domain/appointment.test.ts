import { describe, expect, it } from 'vitest';
import { changeableUntil, isUpcoming, participantOf, type Appointment } from './appointment.ts';

const appt = {
  id: 'a1',
  doctorId: 'd1',
  patientId: 'p1',
  start: new Date('2026-12-01T10:00:00Z'),
  end: new Date('2026-12-01T10:30:00Z'),
  status: 'confirmed',
} as Appointment;

describe('appointment rules', () => {
  it('knows its patient, its doctor and admins, and nobody else', () => {
    expect(participantOf(appt, { userId: 'p1', role: 'patient' })).toBe('patient');
    expect(participantOf(appt, { userId: 'd1', role: 'doctor' })).toBe('doctor');
    expect(participantOf(appt, { userId: 'x', role: 'admin' })).toBe('admin');
    expect(participantOf(appt, { userId: 'p2', role: 'patient' })).toBeNull();
    expect(participantOf(appt, { userId: 'p1', role: 'doctor' })).toBeNull();
  });

  it('allows changes until 4 hours before the start', () => {
    expect(changeableUntil(appt).toISOString()).toBe('2026-12-01T06:00:00.000Z');
  });

  it('is upcoming while confirmed and not over', () => {
    expect(isUpcoming(appt, new Date('2026-12-01T10:29:00Z'))).toBe(true);
    expect(isUpcoming(appt, new Date('2026-12-01T10:30:00Z'))).toBe(false);
    expect(isUpcoming({ ...appt, status: 'cancelled' }, new Date('2026-11-01T00:00:00Z'))).toBe(false);
  });
});
