import type { PublicDoctor } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { PATIENT_API } from './paths';

/** GET /doctors/:id: a listed doctor's public profile (404 when not listed). */
export function usePublicDoctor(id: string) {
  return useQuery({
    queryKey: ['doctors', 'public', id],
    queryFn: ({ signal }) => api.get<{ doctor: PublicDoctor }>(PATIENT_API.doctor(id), { signal }),
    select: (data) => data.doctor,
  });
}
