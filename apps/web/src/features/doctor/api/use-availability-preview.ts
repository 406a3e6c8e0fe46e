import type { SlotsResponse } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { AVAILABILITY_PREVIEW_KEY, DOCTOR_API } from './paths';

export const PREVIEW_DAYS = 14;

/** GET /doctors/me/availability/preview: the free slots patients see under the saved rules. */
export function useAvailabilityPreview() {
  return useQuery({
    queryKey: AVAILABILITY_PREVIEW_KEY,
    queryFn: ({ signal }) => api.get<SlotsResponse>(DOCTOR_API.availabilityPreview(PREVIEW_DAYS), { signal }),
    staleTime: 0,
  });
}
