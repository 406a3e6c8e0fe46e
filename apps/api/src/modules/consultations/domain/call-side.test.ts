import { describe, expect, it } from 'vitest';
import { otherSide, sideOf } from './call-side.ts';

const appointment = { patientId: 'p1', doctorId: 'd1' };

describe('sideOf', () => {
  it.each([
    [{ userId: 'p1', role: 'patient' }, 'patient'],
    [{ userId: 'd1', role: 'doctor' }, 'doctor'],
    [{ userId: 'p2', role: 'patient' }, null],
    [{ userId: 'd2', role: 'doctor' }, null],
    [{ userId: 'p1', role: 'doctor' }, null],
    [{ userId: 'a1', role: 'admin' }, null],
  ])('%o -> %s', (caller, side) => {
    expect(sideOf(appointment, caller)).toBe(side);
  });
});

describe('otherSide', () => {
  it('is the doctor for the patient, and the patient for the doctor', () => {
    expect(otherSide(appointment, 'patient')).toEqual({ side: 'doctor', userId: 'd1' });
    expect(otherSide(appointment, 'doctor')).toEqual({ side: 'patient', userId: 'p1' });
  });
});
