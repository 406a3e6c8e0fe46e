import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './errors.ts';
import { latestToday, UpdateMedicalProfileRequest } from './patients.ts';

const errorsOf = (body: unknown) => {
  const parsed = UpdateMedicalProfileRequest.safeParse(body);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe('UpdateMedicalProfileRequest', () => {
  it('accepts a full profile, trimming text, and an empty change', () => {
    expect(
      UpdateMedicalProfileRequest.parse({
        dateOfBirth: '1990-04-12',
        sex: 'unspecified',
        bloodGroup: 'AB-',
        allergies: [' Penicillin '],
        conditions: [],
        medications: ['Salbutamol 100 mcg'],
        notes: '  Needle phobia  ',
      }),
    ).toEqual({
      dateOfBirth: '1990-04-12',
      sex: 'unspecified',
      bloodGroup: 'AB-',
      allergies: ['Penicillin'],
      conditions: [],
      medications: ['Salbutamol 100 mcg'],
      notes: 'Needle phobia',
    });
    expect(UpdateMedicalProfileRequest.parse({})).toEqual({});
  });

  it('takes null to clear a field', () => {
    const cleared = { dateOfBirth: null, sex: null, bloodGroup: null, notes: null };
    expect(UpdateMedicalProfileRequest.parse(cleared)).toEqual(cleared);
  });

  it('accepts dates of birth from 1900-01-01 to today where it is latest on earth', () => {
    expect(errorsOf({ dateOfBirth: '1900-01-01' })).toEqual({});
    expect(errorsOf({ dateOfBirth: latestToday() })).toEqual({});
  });

  it('takes today in UTC+14', () => {
    expect(latestToday(new Date('2026-05-01T09:59:59Z'))).toBe('2026-05-01');
    expect(latestToday(new Date('2026-05-01T10:00:00Z'))).toBe('2026-05-02');
  });

  it.each([
    [{ dateOfBirth: '1899-12-31' }, 'dateOfBirth', 'Enter a date from 1900 on'],
    [{ dateOfBirth: '2999-01-01' }, 'dateOfBirth', 'The date of birth cannot be in the future'],
    [{ dateOfBirth: '1990-02-30' }, 'dateOfBirth', 'Use a real date as YYYY-MM-DD'],
    [{ dateOfBirth: '12/04/1990' }, 'dateOfBirth', 'Use a date as YYYY-MM-DD'],
    [{ sex: 'f' }, 'sex', 'Choose female, male, other or unspecified'],
    [{ bloodGroup: 'C+' }, 'bloodGroup', 'Choose a blood group from the list'],
    [{ allergies: Array.from({ length: 31 }, (_, i) => `a${i}`) }, 'allergies', 'List at most 30 allergies'],
    [{ conditions: ['x'.repeat(101)] }, 'conditions.0', 'Keep each condition under 100 characters'],
    [{ medications: ['ok', '   '] }, 'medications.1', 'Remove the empty medication'],
    [{ notes: 'n'.repeat(1001) }, 'notes', 'Keep the notes under 1000 characters'],
  ])('refuses %j on %s, saying why first', (body, field, message) => {
    const errors = errorsOf(body);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]![0]).toBe(message);
  });
});
