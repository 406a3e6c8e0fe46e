import type { KycDecisionRequest, OwnDoctor } from '@doctime/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SchemaOutput } from '../../../lib/schema-types';
import { ADMIN_API, ADMIN_KEYS } from './paths';

export type KycDecisionBody = SchemaOutput<typeof KycDecisionRequest>;

/** POST /admin/doctors/:id/kyc/decision: approve, reject or ask for resubmission of the submission it names. */
export function useKycDecision(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KycDecisionBody) => api.post<{ doctor: OwnDoctor }>(ADMIN_API.kycDecision(doctorId), body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ADMIN_KEYS.kyc }),
        queryClient.invalidateQueries({ queryKey: ADMIN_KEYS.auditLog }),
      ]),
    // 409: the doctor submitted new details (or another admin decided); show what is there now.
    onError: () => queryClient.invalidateQueries({ queryKey: ADMIN_KEYS.kyc }),
  });
}
