import type { AdminKycDetails } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { ADMIN_API, ADMIN_KEYS } from './paths';

/** GET /admin/doctors/:id/kyc: the doctor's record and short-lived links to their documents. */
export function useKycDetails(doctorId: string) {
  return useQuery({
    queryKey: [...ADMIN_KEYS.kyc, 'details', doctorId],
    queryFn: ({ signal }) => api.get<AdminKycDetails>(ADMIN_API.kycDetails(doctorId), { signal }),
    // Document links expire after a few minutes; never serve old ones from the cache.
    staleTime: 0,
  });
}
