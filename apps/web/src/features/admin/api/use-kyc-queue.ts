import type { KycQueue, KycStatus } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { pagedListQuery } from './paged-list-query';
import { ADMIN_API, ADMIN_KEYS } from './paths';

export interface KycQueueParams {
  status: KycStatus;
  page: number;
  limit: number;
}

/** GET /admin/kyc: applications in one status, with the count of every status. */
export function useKycQueue(params: KycQueueParams) {
  return useQuery(pagedListQuery<KycQueue>([...ADMIN_KEYS.kyc, 'queue'], ADMIN_API.kycQueue, { ...params }));
}
