import type { MedicalProfile } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const MEDICAL_PROFILE_API = '/api/v1/patients/me/profile';
export const MEDICAL_PROFILE_KEY = ['patients', 'me', 'profile'] as const;

/** GET /patients/me/profile: the patient's own medical profile (empty until first saved). */
export function useMedicalProfile() {
  return useQuery({
    queryKey: MEDICAL_PROFILE_KEY,
    queryFn: ({ signal }) => api.get<{ profile: MedicalProfile }>(MEDICAL_PROFILE_API, { signal }),
    select: (data) => data.profile,
  });
}
