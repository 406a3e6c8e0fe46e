import type { ChangePasswordRequest } from '@doctime/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SchemaOutput } from '../../../lib/schema-types';
import { AUTH_API } from './paths';

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: SchemaOutput<typeof ChangePasswordRequest>) => api.post<{ ok: true }>(AUTH_API.changePassword, body),
  });
}
