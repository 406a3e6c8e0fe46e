import { toOwnDoctor } from './doctor-views.ts';
import { loadDoctor } from './load-doctor.ts';
import type { DoctorsDeps } from './ports.ts';

export function makeGetOwnDoctor(deps: DoctorsDeps) {
  return async function getOwnDoctor(doctorId: string) {
    return toOwnDoctor(deps, await loadDoctor(deps, doctorId));
  };
}
