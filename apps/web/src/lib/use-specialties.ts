import type { Specialty } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';

export const SPECIALTIES_PATH = '/api/v1/specialties';

/** GET /specialties: the list every doctor picks from and patients filter by. Rarely changes. */
export function useSpecialties() {
  return useQuery({
    queryKey: ['specialties'],
    queryFn: ({ signal }) => api.get<{ items: Specialty[] }>(SPECIALTIES_PATH, { signal }),
    select: (data) => data.items,
    staleTime: 60 * 60 * 1000,
  });
}
