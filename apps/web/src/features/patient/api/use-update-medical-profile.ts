import type { MedicalProfile, UpdateMedicalProfileRequest } from '@doctime/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SchemaOutput } from '../../../lib/schema-types';
import { MEDICAL_PROFILE_API, MEDICAL_PROFILE_KEY } from './use-medical-profile';

export type MedicalProfileBody = SchemaOutput<typeof UpdateMedicalProfileRequest>;

/** PUT /patients/me/profile with the changed fields only; the cached profile is replaced with the answer. */
export function useUpdateMedicalProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MedicalProfileBody) => api.put<{ profile: MedicalProfile }>(MEDICAL_PROFILE_API, body),
    onSuccess: (data) => queryClient.setQueryData(MEDICAL_PROFILE_KEY, data),
  });
}
