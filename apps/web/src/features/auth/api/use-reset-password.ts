import type { ResetPasswordRequest } from '@doctime/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SchemaOutput } from '../../../lib/schema-types';
import { AUTH_API } from './paths';

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: SchemaOutput<typeof ResetPasswordRequest>) => api.post<{ ok: true }>(AUTH_API.resetPassword, body),
  });
}
