import { AppError } from '../../../platform/app-error.ts';
import type { DoctorProfile } from '../domain/doctor.ts';
import { loadDoctor } from './load-doctor.ts';
import type { DoctorsDeps } from './ports.ts';
import { makeGetOwnDoctor } from './get-own-doctor.ts';

export function makeUpdateProfile(deps: DoctorsDeps) {
  const getOwnDoctor = makeGetOwnDoctor(deps);
  return async function updateProfile(doctorId: string, profile: DoctorProfile) {
    await loadDoctor(deps, doctorId);
    const specialty = await deps.specialties.findById(profile.specialtyId);
    if (!specialty) throw AppError.validation({ specialtyId: ['Choose a specialty from the list'] });
    if (profile.avatarFileId) {
      await deps.files.attachFile({ fileId: profile.avatarFileId, ownerId: doctorId, purpose: 'avatar', field: 'avatarFileId' });
    }
    await deps.doctors.saveProfile(doctorId, profile, specialty.name, deps.clock.now());
    return getOwnDoctor(doctorId);
  };
}
