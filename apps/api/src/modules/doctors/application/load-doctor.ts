import { AppError } from '../../../platform/app-error.ts';
import { newDoctor, type Doctor } from '../domain/doctor.ts';
import type { DoctorsDeps } from './ports.ts';

/** The doctor's record, created on first use from the identity account. */
export async function loadDoctor(deps: DoctorsDeps, doctorId: string): Promise<Doctor> {
  const existing = await deps.doctors.findById(doctorId);
  if (existing) return existing;
  const user = await deps.users.findById(doctorId);
  if (!user || user.role !== 'doctor') throw new AppError('NOT_FOUND', 'No such doctor.');
  const fresh = newDoctor(user, deps.clock.now());
  if ((await deps.doctors.create(fresh)) === 'ok') return fresh;
  // 'conflict': another request created it first; theirs is the record.
  const created = await deps.doctors.findById(doctorId);
  if (!created) throw new AppError('CONFLICT', 'This doctor record is being created; try again.');
  return created;
}

/** The doctor's record when it exists (admin reads and decisions never create one). */
export async function findDoctor(deps: DoctorsDeps, doctorId: string): Promise<Doctor> {
  const doctor = await deps.doctors.findById(doctorId);
  if (!doctor) throw new AppError('NOT_FOUND', 'No such doctor.');
  return doctor;
}
