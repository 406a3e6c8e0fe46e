import { AppError } from '../../../platform/app-error.ts';
import type { Doctor } from '../domain/doctor.ts';
import { emptyKyc } from '../domain/kyc.ts';
import type { DoctorsDeps } from './ports.ts';

/** The doctor's record, created on first use from the identity account. */
export async function loadDoctor(deps: DoctorsDeps, doctorId: string): Promise<Doctor> {
  const existing = await deps.doctors.findById(doctorId);
  if (existing) return existing;
  const user = await deps.users.findById(doctorId);
  if (!user || user.role !== 'doctor') throw new AppError('NOT_FOUND', 'No such doctor.');
  const now = deps.clock.now();
  await deps.doctors.ensure({
    id: user.id,
    name: user.name,
    email: user.email,
    profile: null,
    kyc: emptyKyc,
    blocked: user.blocked,
    createdAt: now,
    updatedAt: now,
  });
  return (await deps.doctors.findById(doctorId))!;
}
