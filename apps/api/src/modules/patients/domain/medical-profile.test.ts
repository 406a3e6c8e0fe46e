import { describe, expect, it } from 'vitest';
import {
  ageOn,
  distinctEntries,
  emptyMedicalProfile,
  erasedMedicalProfile,
  withChanges,
  type MedicalProfile,
} from './medical-profile.ts';

const at = new Date('2026-05-01T10:00:00Z');
const saved: MedicalProfile = {
  ...emptyMedicalProfile('p1'),
  version: 3,
  dateOfBirth: '1990-04-12',
  sex: 'female',
  bloodGroup: 'O+',
  allergies: ['Penicillin'],
  conditions: ['Asthma'],
  medications: ['Salbutamol'],
  notes: 'Needle phobia',
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

describe('ageOn', () => {
  it.each([
    ['1990-04-12', '2026-04-11', 35],
    ['1990-04-12', '2026-04-12', 36],
    ['1990-04-12', '2026-12-31', 36],
    ['2026-05-01', '2026-05-01', 0],
    ['2025-05-02', '2026-05-01', 0],
    // Born on 29 February: a year older on 1 March in common years, on 29 February in leap years.
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
    ['2000-02-29', '2028-02-29', 28],
    ['1900-01-01', '2026-01-01', 126],
  ])('born %s, on %s: %i', (born, on, age) => {
    expect(ageOn(born, on)).toBe(age);
  });

  it('is null before the birth', () => {
    expect(ageOn('2026-05-02', '2026-05-01')).toBeNull();
  });
});

describe('withChanges', () => {
  it('keeps fields left out, clears fields set to null (and blank notes), replaces lists, and takes one version', () => {
    const next = withChanges(saved, { sex: null, notes: '', allergies: ['Latex'], bloodGroup: 'AB-' }, at);
    expect(next).toEqual({
      ...emptyMedicalProfile('p1'),
      version: 4,
      dateOfBirth: '1990-04-12',
      bloodGroup: 'AB-',
      allergies: ['Latex'],
      conditions: ['Asthma'],
      medications: ['Salbutamol'],
      updatedAt: at,
    });
    expect(next).not.toHaveProperty('sex');
    expect(next).not.toHaveProperty('notes');
  });

  it('starts the empty profile at version 1', () => {
    expect(withChanges(emptyMedicalProfile('p1'), { dateOfBirth: '2001-02-03' }, at)).toMatchObject({
      version: 1,
      dateOfBirth: '2001-02-03',
      updatedAt: at,
    });
  });

  it('is unchanged when nothing would change (no version spent)', () => {
    expect(withChanges(saved, {}, at)).toBe('unchanged');
    expect(withChanges(saved, { sex: 'female', allergies: ['Penicillin', 'penicillin'], medications: ['Salbutamol'] }, at)).toBe(
      'unchanged',
    );
    expect(withChanges(emptyMedicalProfile('p1'), { sex: null, notes: '', allergies: [] }, at)).toBe('unchanged');
  });

  it('notices a changed order or spelling in a list', () => {
    const twoAllergies = { ...saved, allergies: ['Penicillin', 'Latex'] };
    expect(withChanges(twoAllergies, { allergies: ['Latex', 'Penicillin'] }, at)).not.toBe('unchanged');
    expect(withChanges(saved, { allergies: ['penicillin'] }, at)).not.toBe('unchanged');
  });
});

describe('distinctEntries', () => {
  it('keeps each entry once, in its first spelling, ignoring case', () => {
    expect(distinctEntries(['Penicillin', 'Latex', 'PENICILLIN', 'latex', 'Peanuts'])).toEqual([
      'Penicillin',
      'Latex',
      'Peanuts',
    ]);
  });
});

describe('erasedMedicalProfile', () => {
  it('keeps no health field, takes the next version and says when it was erased', () => {
    expect(erasedMedicalProfile(saved, at)).toEqual({ ...emptyMedicalProfile('p1'), version: 4, updatedAt: at, erasedAt: at });
  });
});
