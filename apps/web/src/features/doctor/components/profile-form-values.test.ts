import type { OwnDoctor } from '@doctime/contracts';
import { describe, expect, it } from 'vitest';
import { browserTimeZone } from '../../../lib/time-zones';
import { PROFILE_FIELDS, profileFormValues, toProfileRequest, type ProfileFormValues } from './profile-form-values';

function doctorWith(profile: OwnDoctor['profile']): OwnDoctor {
  return {
    id: 'd1',
    name: 'Dr Rao',
    email: 'rao@example.test',
    profile,
    profileComplete: false,
    kyc: { status: 'not_submitted' },
    history: [],
    listed: false,
  };
}

const complete: ProfileFormValues = {
  specialtyId: 'cardiology',
  subSpecialties: ['Heart failure'],
  qualifications: ['MBBS', 'MD'],
  experienceYears: 12,
  languages: ['English', 'Hindi'],
  consultationFee: { amount: 500, currency: 'INR' },
  bio: 'Twelve years of caring for hearts in Pune.',
  timeZone: 'Asia/Kolkata',
  gender: 'female',
  clinic: { name: 'Heart Care', address: '1 MG Road', city: 'Pune' },
  avatarFileId: 'f-avatar',
};

describe('profileFormValues', () => {
  it('starts a new profile blank, in INR and the browser’s zone', () => {
    expect(profileFormValues(doctorWith(null))).toEqual({
      specialtyId: '',
      subSpecialties: [],
      qualifications: [],
      experienceYears: '',
      languages: [],
      consultationFee: { amount: '', currency: 'INR' },
      bio: '',
      timeZone: browserTimeZone(),
      gender: null,
      clinic: { name: '', address: '', city: '' },
      avatarFileId: null,
    });
  });

  it('shows a saved profile as it is', () => {
    const { clinic, ...rest } = complete;
    expect(profileFormValues(doctorWith({ ...rest, clinic, specialtyName: 'Cardiology' } as OwnDoctor['profile']))).toEqual(
      complete,
    );
  });

  it('keeps a fee of zero', () => {
    expect(profileFormValues(doctorWith({ consultationFee: { amount: 0, currency: 'USD' } })).consultationFee).toEqual({
      amount: 0,
      currency: 'USD',
    });
  });
});

describe('toProfileRequest', () => {
  it('sends a complete profile unchanged', () => {
    expect(toProfileRequest(complete)).toEqual(complete);
  });

  it('turns typed numbers into numbers, empty ones into undefined', () => {
    const request = toProfileRequest({ ...complete, experienceYears: '7', consultationFee: { amount: '', currency: 'INR' } });
    expect(request.experienceYears).toBe(7);
    expect(request.consultationFee.amount).toBeUndefined();
  });

  it('leaves out an unset gender, avatar and an all-blank clinic', () => {
    const request = toProfileRequest({
      ...complete,
      gender: null,
      avatarFileId: null,
      clinic: { name: ' ', address: '', city: '' },
    });
    expect(request).not.toHaveProperty('gender');
    expect(request).not.toHaveProperty('avatarFileId');
    expect(request).not.toHaveProperty('clinic');
  });

  it('sends a half-filled clinic so its empty fields get errors', () => {
    const clinic = { name: 'Heart Care', address: '', city: '' };
    expect(toProfileRequest({ ...complete, clinic }).clinic).toEqual(clinic);
  });

  it('names every field of the form for server errors', () => {
    expect(PROFILE_FIELDS).toContain('consultationFee.amount');
    expect(PROFILE_FIELDS).toContain('clinic.city');
    expect(new Set(PROFILE_FIELDS).size).toBe(PROFILE_FIELDS.length);
  });
});
