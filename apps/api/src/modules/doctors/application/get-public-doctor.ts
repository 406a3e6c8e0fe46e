import { AppError } from '../../../platform/app-error.ts';
import { isListed } from '../domain/doctor.ts';
import { toPublicDoctor } from './doctor-views.ts';
import type { DoctorsDeps } from './ports.ts';

export function makeGetPublicDoctor(deps: DoctorsDeps) {
  /** 404 for anyone not listed, so unapproved or blocked doctors cannot be probed. */
  return async function getPublicDoctor(doctorId: string) {
    const doctor = await deps.doctors.findById(doctorId);
    if (!doctor || !isListed(doctor)) throw new AppError('NOT_FOUND', 'No such doctor.');
    return toPublicDoctor(deps, doctor);
  };
}

/** For other modules (scheduling): a listed doctor's zone, or null. */
export function makeFindListedDoctor(deps: DoctorsDeps) {
  return async function findListedDoctor(doctorId: string) {
    const doctor = await deps.doctors.findById(doctorId);
    if (!doctor || !isListed(doctor)) return null;
    return {
      id: doctor.id,
      name: doctor.name,
      email: doctor.email,
      timeZone: doctor.profile!.timeZone,
      ...(doctor.specialtyName ? { specialty: doctor.specialtyName } : {}),
    };
  };
}
