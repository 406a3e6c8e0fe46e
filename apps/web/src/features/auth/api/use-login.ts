import type { LoginRequest } from '@doctime/contracts';
import { useMutation } from '@tanstack/react-query';
import { useAuth } from '../../../lib/auth';
import type { SchemaOutput } from '../../../lib/schema-types';

/** Logs in and starts the session; resolves to the user. */
export function useLogin() {
  const { login } = useAuth();
  return useMutation({
    mutationFn: (body: SchemaOutput<typeof LoginRequest>) => login(body),
  });
}
