import type { KycQueue, KycStatus } from '@doctime/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { ADMIN_API, ADMIN_KEYS, queryString } from './paths';

export interface KycQueueParams {
  status: KycStatus;
  page: number;
  limit: number;
}

/** GET /admin/kyc: applications in one status, with the count of every status. */
export function useKycQueue(params: KycQueueParams) {
  return useQuery({
    queryKey: [...ADMIN_KEYS.kyc, 'queue', params],
    queryFn: ({ signal }) => api.get<KycQueue>(ADMIN_API.kycQueue + queryString({ ...params }), { signal }),
    placeholderData: keepPreviousData,
  });
}
