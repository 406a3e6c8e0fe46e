import type { AdminKycDetails, KycDocumentLink, KycStatus } from '@doctime/contracts';
import { toOwnDoctor } from './doctor-views.ts';
import { findDoctor } from './load-doctor.ts';
import type { DoctorsDeps } from './ports.ts';

export function makeKycQueue(deps: DoctorsDeps) {
  return async function kycQueue(input: { status: KycStatus; page: number; limit: number }) {
    const [{ items, total }, counts] = await Promise.all([
      deps.doctors.listByKycStatus(input.status, (input.page - 1) * input.limit, input.limit),
      deps.doctors.countByKycStatus(),
    ]);
    return {
      items: items.map((d) => ({
        doctorId: d.id,
        name: d.name,
        email: d.email,
        status: d.kyc.status,
        submission: d.kyc.submission,
        ...(d.specialtyName ? { specialtyName: d.specialtyName } : {}),
        ...(d.kyc.submittedAt ? { submittedAt: d.kyc.submittedAt.toISOString() } : {}),
      })),
      total,
      page: input.page,
      limit: input.limit,
      counts,
    };
  };
}

export function makeKycDetails(deps: DoctorsDeps) {
  return async function kycDetails(doctorId: string): Promise<AdminKycDetails> {
    const doctor = await findDoctor(deps, doctorId);
    const docs = doctor.kyc.documents;
    // Only the link's own fields: the file record's owner and purpose are not part of the answer.
    const link = async (fileId: string | undefined): Promise<KycDocumentLink | undefined> => {
      const file = fileId ? await deps.files.getFileUrl(fileId) : null;
      return file ? { fileId: file.fileId, url: file.url, contentType: file.contentType, expiresAt: file.expiresAt } : undefined;
    };
    const number = doctor.kyc.registrationNumber;
    const [identity, license, degree, sameNumber] = await Promise.all([
      link(docs?.identity),
      link(docs?.license),
      link(docs?.degree),
      number ? deps.doctors.findByRegistration(number) : [],
    ]);
    return {
      doctor: await toOwnDoctor(deps, doctor),
      documents: { ...(identity ? { identity } : {}), ...(license ? { license } : {}), ...(degree ? { degree } : {}) },
      sameRegistration: sameNumber
        .filter((d) => d.id !== doctor.id)
        .map((d) => ({ doctorId: d.id, name: d.name, status: d.kyc.status })),
    };
  };
}
