import type { OwnDoctor, SubmitKycRequest } from '@doctime/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SchemaOutput } from '../../../lib/schema-types';
import { DOCTOR_API, OWN_DOCTOR_KEY } from './paths';

export type KycBody = SchemaOutput<typeof SubmitKycRequest>;

/** PUT /doctors/me/kyc: submits (or resubmits) registration details and documents for review. */
export function useSubmitKyc() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KycBody) => api.put<{ doctor: OwnDoctor }>(DOCTOR_API.kyc, body),
    onSuccess: (data) => queryClient.setQueryData(OWN_DOCTOR_KEY, data),
  });
}
