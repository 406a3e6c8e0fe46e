import { AppError } from '../../../platform/app-error.ts';
import { isListedNow, type Doctor } from '../domain/doctor.ts';
import { toPublicDoctor } from './doctor-views.ts';
import type { DoctorsDeps } from './ports.ts';

/** The doctor when listed right now: the record says so and identity does not block the account. */
async function listedDoctor(deps: DoctorsDeps, doctorId: string): Promise<Doctor | null> {
  const [doctor, account] = await Promise.all([deps.doctors.findById(doctorId), deps.users.findById(doctorId)]);
  return doctor && isListedNow(doctor, account) ? doctor : null;
}

export function makeGetPublicDoctor(deps: DoctorsDeps) {
  /** 404 for anyone not listed, so unapproved or blocked doctors cannot be probed. */
  return async function getPublicDoctor(doctorId: string) {
    const doctor = await listedDoctor(deps, doctorId);
    if (!doctor) throw new AppError('NOT_FOUND', 'No such doctor.');
    return toPublicDoctor(deps, doctor);
  };
}

/** For other modules (scheduling, booking): a listed doctor's zone, or null. */
export function makeFindListedDoctor(deps: DoctorsDeps) {
  return async function findListedDoctor(doctorId: string) {
    const doctor = await listedDoctor(deps, doctorId);
    if (!doctor) return null;
    return {
      id: doctor.id,
      name: doctor.name,
      email: doctor.email,
      timeZone: doctor.profile!.timeZone,
      ...(doctor.specialtyName ? { specialty: doctor.specialtyName } : {}),
    };
  };
}
