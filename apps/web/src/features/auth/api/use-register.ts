import type { RegisterRequest, User } from '@doctime/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SchemaOutput } from '../../../lib/schema-types';
import { AUTH_API } from './paths';

export type RegisterBody = SchemaOutput<typeof RegisterRequest>;

export function useRegister() {
  return useMutation({
    mutationFn: (body: RegisterBody) => api.post<{ user: User }>(AUTH_API.register, body),
  });
}
