import { AppError } from '../../../platform/app-error.ts';
import { submitKyc } from '../domain/kyc.ts';
import { makeGetOwnDoctor } from './get-own-doctor.ts';
import { loadDoctor } from './load-doctor.ts';
import type { DoctorsDeps } from './ports.ts';

export function makeSubmitKyc(deps: DoctorsDeps) {
  const getOwnDoctor = makeGetOwnDoctor(deps);
  return async function submit(
    doctorId: string,
    input: {
      registrationNumber: string;
      council: string;
      registrationYear: number;
      documents: { identity: string; license: string; degree?: string | undefined };
    },
  ) {
    const doctor = await loadDoctor(deps, doctorId);
    if (!doctor.profile) throw new AppError('CONFLICT', 'Complete your professional profile before submitting KYC.');
    const result = submitKyc(doctor.kyc, input);
    if (!result.ok) throw new AppError(result.code, result.message);

    const { identity, license, degree } = input.documents;
    for (const [field, fileId] of [
      ['documents.identity', identity],
      ['documents.license', license],
      ['documents.degree', degree],
    ] as const) {
      if (fileId) await deps.files.attachFile({ fileId, ownerId: doctorId, purpose: 'kyc-document', field });
    }
    const now = deps.clock.now();
    const changesStatus = result.to !== doctor.kyc.status || doctor.kyc.status === 'not_submitted';
    const submission = result.to === 'pending' ? doctor.kyc.submission + 1 : doctor.kyc.submission;
    await deps.doctors.saveKyc(
      doctorId,
      {
        status: result.to,
        submission,
        registrationNumber: input.registrationNumber,
        council: input.council,
        registrationYear: input.registrationYear,
        documents: { identity, license, ...(degree ? { degree } : {}) },
        submittedAt: now,
        ...(result.to === 'approved' && doctor.kyc.decidedAt ? { decidedAt: doctor.kyc.decidedAt } : {}),
      },
      doctor.kyc.submission,
      now,
    );
    if (changesStatus || result.to === 'pending') {
      await deps.kycEvents.insert(`${doctorId}:${submission}:submitted`, {
        doctorId,
        submission,
        from: doctor.kyc.status,
        to: result.to,
        byUserId: doctorId,
        byRole: 'doctor',
        at: now,
      });
    }
    return getOwnDoctor(doctorId);
  };
}
