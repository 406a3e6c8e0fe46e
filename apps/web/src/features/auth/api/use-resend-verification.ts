import type { EmailOnlyRequest } from '@doctime/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SchemaOutput } from '../../../lib/schema-types';
import { AUTH_API } from './paths';

export function useResendVerification() {
  return useMutation({
    mutationFn: (body: SchemaOutput<typeof EmailOnlyRequest>) => api.post<void>(AUTH_API.resendVerification, body),
  });
}
