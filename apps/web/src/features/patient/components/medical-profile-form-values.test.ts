import type { MedicalProfile } from '@doctime/contracts';
import { describe, expect, it } from 'vitest';
import { changedFields, medicalProfileFormValues, toMedicalProfileRequest } from './medical-profile-form-values';

const saved: MedicalProfile = {
  patientId: 'p1',
  version: 2,
  dateOfBirth: '1990-04-12',
  sex: 'female',
  allergies: ['Penicillin'],
  conditions: [],
  medications: ['Salbutamol'],
  notes: 'Needle phobia',
  updatedAt: '2026-05-01T10:00:00.000Z',
};

describe('medical profile form values', () => {
  it('round-trips a saved profile, with empty fields sent as null', () => {
    expect(toMedicalProfileRequest(medicalProfileFormValues(saved))).toEqual({
      dateOfBirth: '1990-04-12',
      sex: 'female',
      bloodGroup: null,
      allergies: ['Penicillin'],
      conditions: [],
      medications: ['Salbutamol'],
      notes: 'Needle phobia',
    });
    const blank = { ...medicalProfileFormValues(saved), dateOfBirth: '', sex: null, notes: '   ' };
    expect(toMedicalProfileRequest(blank)).toMatchObject({ dateOfBirth: null, sex: null, notes: null });
  });

  it('sends only what differs from the saved profile', () => {
    const request = toMedicalProfileRequest({
      ...medicalProfileFormValues(saved),
      bloodGroup: 'O+',
      allergies: ['Penicillin', 'Latex'],
      notes: '',
    });
    expect(changedFields(request, medicalProfileFormValues(saved))).toEqual({
      bloodGroup: 'O+',
      allergies: ['Penicillin', 'Latex'],
      notes: null,
    });
    expect(changedFields(toMedicalProfileRequest(medicalProfileFormValues(saved)), medicalProfileFormValues(saved))).toEqual({});
  });
});
