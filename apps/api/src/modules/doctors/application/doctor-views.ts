import type { OwnDoctor, PublicDoctor } from '@doctime/contracts';
import { isListed, type Doctor } from '../domain/doctor.ts';
import type { DoctorsDeps } from './ports.ts';

async function avatarUrl(deps: DoctorsDeps, doctor: Doctor) {
  const fileId = doctor.profile?.avatarFileId;
  return fileId ? (await deps.files.getFileUrl(fileId))?.url : undefined;
}

export async function toOwnDoctor(deps: DoctorsDeps, doctor: Doctor): Promise<OwnDoctor> {
  const { kyc } = doctor;
  const url = await avatarUrl(deps, doctor);
  return {
    id: doctor.id,
    name: doctor.name,
    email: doctor.email,
    profile: doctor.profile
      ? { ...doctor.profile, ...(doctor.specialtyName ? { specialtyName: doctor.specialtyName } : {}) }
      : null,
    profileComplete: doctor.profile !== null,
    ...(url ? { avatarUrl: url } : {}),
    kyc: {
      status: kyc.status,
      submission: kyc.submission,
      ...(kyc.registrationNumber ? { registrationNumber: kyc.registrationNumber } : {}),
      ...(kyc.council ? { council: kyc.council } : {}),
      ...(kyc.registrationYear ? { registrationYear: kyc.registrationYear } : {}),
      ...(kyc.documents ? { documents: kyc.documents } : {}),
      ...(kyc.submittedAt ? { submittedAt: kyc.submittedAt.toISOString() } : {}),
      ...(kyc.decidedAt ? { decidedAt: kyc.decidedAt.toISOString() } : {}),
      ...(kyc.reason ? { reason: kyc.reason } : {}),
    },
    history: kyc.history.map((e) => ({
      submission: e.submission,
      from: e.from,
      to: e.to,
      byUserId: e.byUserId,
      byRole: e.byRole,
      at: e.at.toISOString(),
      ...(e.reason ? { reason: e.reason } : {}),
    })),
    listed: isListed(doctor),
  };
}

export async function toPublicDoctor(deps: DoctorsDeps, doctor: Doctor): Promise<PublicDoctor> {
  const p = doctor.profile!;
  const url = await avatarUrl(deps, doctor);
  return {
    id: doctor.id,
    name: doctor.name,
    specialty: { id: p.specialtyId, name: doctor.specialtyName ?? p.specialtyId },
    subSpecialties: p.subSpecialties,
    qualifications: p.qualifications,
    experienceYears: p.experienceYears,
    languages: p.languages,
    consultationFee: p.consultationFee,
    bio: p.bio,
    timeZone: p.timeZone,
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.clinic ? { clinic: p.clinic } : {}),
    ...(url ? { avatarUrl: url } : {}),
  };
}
