import type { OwnDoctor } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { DOCTOR_API, OWN_DOCTOR_KEY } from './paths';

/** GET /doctors/me: the signed-in doctor's profile, KYC status and history. */
export function useOwnDoctor() {
  return useQuery({
    queryKey: OWN_DOCTOR_KEY,
    queryFn: ({ signal }) => api.get<{ doctor: OwnDoctor }>(DOCTOR_API.me, { signal }),
    select: (data) => data.doctor,
    // The status changes on an administrator's decision: check again whenever a page mounts.
    staleTime: 0,
  });
}
