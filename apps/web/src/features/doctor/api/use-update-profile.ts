import type { OwnDoctor, UpdateDoctorProfileRequest } from '@doctime/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SchemaOutput } from '../../../lib/schema-types';
import { DOCTOR_API, OWN_DOCTOR_KEY } from './paths';

export type ProfileBody = SchemaOutput<typeof UpdateDoctorProfileRequest>;

/** PUT /doctors/me/profile; the cached doctor is replaced with the answer. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileBody) => api.put<{ doctor: OwnDoctor }>(DOCTOR_API.profile, body),
    onSuccess: (data) => queryClient.setQueryData(OWN_DOCTOR_KEY, data),
  });
}
