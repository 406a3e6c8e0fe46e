import type { LoginRequest, LoginResponse } from '@doctime/contracts';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import type { SchemaOutput } from '../../../lib/schema-types';
import { AUTH_API } from './paths';

export const ADMINS_ONLY_MESSAGE = 'This area is for administrators only.';

/**
 * Logs in through the admin page: the session starts only for an admin. Anyone
 * else is logged straight out again (the server already set their cookie).
 */
export function useAdminLogin() {
  const { setSession, clearSession } = useAuth();
  return useMutation({
    mutationFn: async (body: SchemaOutput<typeof LoginRequest>) => {
      const { accessToken, user } = await api.post<LoginResponse>(AUTH_API.login, body);
      if (user.role !== 'admin') {
        await api.post<void>(AUTH_API.logout).catch(() => undefined);
        clearSession();
        throw new ApiError({ status: 403, code: 'FORBIDDEN', message: ADMINS_ONLY_MESSAGE });
      }
      setSession(accessToken, user);
      return user;
    },
  });
}
