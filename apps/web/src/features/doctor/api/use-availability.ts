import type { AvailabilityRules } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { AVAILABILITY_KEY, DOCTOR_API } from './paths';

/** GET /doctors/me/availability: the saved rules (defaults with no weekly hours if never saved). */
export function useAvailability() {
  return useQuery({
    queryKey: AVAILABILITY_KEY,
    queryFn: ({ signal }) => api.get<AvailabilityRules>(DOCTOR_API.availability, { signal }),
    staleTime: 0,
  });
}
