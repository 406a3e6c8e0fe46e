import type { DoctorsDeps } from './ports.ts';

/** Mirrors an account block onto the doctor record so search can filter on it. */
export function makeSetDoctorBlocked(deps: DoctorsDeps) {
  return async function setDoctorBlocked(doctorId: string, blocked: boolean) {
    await deps.doctors.setBlocked(doctorId, blocked, deps.clock.now());
  };
}
