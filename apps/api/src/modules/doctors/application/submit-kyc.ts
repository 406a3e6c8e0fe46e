import { AppError } from '../../../platform/app-error.ts';
import { withKyc, type Doctor } from '../domain/doctor.ts';
import { submitKyc, type KycDetails } from '../domain/kyc.ts';
import { applied, changeDoctor, type DoctorChange } from './change-doctor.ts';
import { toOwnDoctor } from './doctor-views.ts';
import { loadDoctor } from './load-doctor.ts';
import type { DoctorsDeps } from './ports.ts';

/** The submission as a change of the record just read: a new submission, nothing, or a refusal. */
function submission(current: Doctor, details: KycDetails, at: Date): DoctorChange {
  if (!current.profile) throw new AppError('CONFLICT', 'Complete your professional profile before submitting KYC.');
  const kyc = applied(submitKyc(current.kyc, details, current.id, at));
  return kyc === 'unchanged' ? 'unchanged' : { next: withKyc(current, kyc, at) };
}

export function makeSubmitKyc(deps: DoctorsDeps) {
  return async function submit(
    doctorId: string,
    input: {
      registrationNumber: string;
      council: string;
      registrationYear: number;
      documents: { identity: string; license: string; degree?: string | undefined };
    },
  ) {
    const { identity, license, degree } = input.documents;
    const details: KycDetails = {
      registrationNumber: input.registrationNumber,
      council: input.council,
      registrationYear: input.registrationYear,
      documents: { identity, license, ...(degree ? { degree } : {}) },
    };
    // Refuse early (no profile, rejected) before any document is attached.
    submission(await loadDoctor(deps, doctorId), details, deps.clock.now());
    for (const [field, fileId] of [
      ['documents.identity', identity],
      ['documents.license', license],
      ['documents.degree', degree],
    ] as const) {
      if (fileId) await deps.files.attachFile({ fileId, ownerId: doctorId, purpose: 'kyc-document', field });
    }
    const now = deps.clock.now();
    const doctor = await changeDoctor(deps, doctorId, (current) => submission(current, details, now));
    return toOwnDoctor(deps, doctor);
  };
}
