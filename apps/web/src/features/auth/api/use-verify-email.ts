import type { VerifyEmailRequest } from '@doctime/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SchemaOutput } from '../../../lib/schema-types';
import { AUTH_API } from './paths';

export function useVerifyEmail() {
  return useMutation({
    mutationFn: (body: SchemaOutput<typeof VerifyEmailRequest>) => api.post<{ ok: true }>(AUTH_API.verifyEmail, body),
  });
}
