import { AppError } from '../../../platform/app-error.ts';
import { withProfile, type DoctorProfile } from '../domain/doctor.ts';
import { changeDoctor } from './change-doctor.ts';
import { toOwnDoctor } from './doctor-views.ts';
import type { DoctorsDeps } from './ports.ts';

export function makeUpdateProfile(deps: DoctorsDeps) {
  return async function updateProfile(doctorId: string, profile: DoctorProfile) {
    const specialty = await deps.specialties.findById(profile.specialtyId);
    if (!specialty) throw AppError.validation({ specialtyId: ['Choose a specialty from the list'] });
    if (profile.avatarFileId) {
      await deps.files.attachFile({ fileId: profile.avatarFileId, ownerId: doctorId, purpose: 'avatar', field: 'avatarFileId' });
    }
    const now = deps.clock.now();
    const doctor = await changeDoctor(deps, doctorId, (current) => ({
      next: withProfile(current, profile, specialty.name, now),
    }));
    return toOwnDoctor(deps, doctor);
  };
}
