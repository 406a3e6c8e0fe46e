import { expect } from 'vitest';
import { signedIn } from './accounts.ts';
import type { ApiClient } from './http-client.ts';
import type { TestApi } from './test-api.ts';
import { tinyPdf, uploadFile } from './uploads.ts';

export const doctorProfile = (over: Record<string, unknown> = {}) => ({
  specialtyId: 'general-physician',
  qualifications: ['MBBS'],
  experienceYears: 8,
  languages: ['English'],
  consultationFee: { amount: 600, currency: 'INR' },
  bio: 'General physician focused on preventive care and chronic conditions.',
  timeZone: 'Asia/Kolkata',
  ...over,
});

/** A doctor through the real flow: profile, uploaded KYC documents, admin approval. */
export async function approvedDoctor(api: TestApi, admin: ApiClient, name: string, over: Record<string, unknown> = {}) {
  const doctor = await signedIn(api, 'doctor', name);
  expect((await doctor.c.put('/api/v1/doctors/me/profile', doctorProfile(over))).status).toBe(200);
  const identity = await uploadFile(doctor.c, 'kyc-document', 'application/pdf', tinyPdf);
  const license = await uploadFile(doctor.c, 'kyc-document', 'application/pdf', tinyPdf);
  const kyc = await doctor.c.put('/api/v1/doctors/me/kyc', {
    registrationNumber: `REG-${Math.random().toString(36).slice(2, 10)}`,
    council: 'National Medical Commission',
    registrationYear: 2014,
    documents: { identity, license },
  });
  expect(kyc.status, kyc.text).toBe(200);
  const decision = await admin.post(`/api/v1/admin/doctors/${doctor.id}/kyc/decision`, { decision: 'approve' });
  expect(decision.status, decision.text).toBe(200);
  return doctor;
}
