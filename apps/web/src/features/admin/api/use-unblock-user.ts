import type { AdminUser } from '@doctime/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { ADMIN_API, ADMIN_KEYS } from './paths';

/** POST /admin/users/:id/unblock. */
export function useUnblockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.post<{ user: AdminUser }>(ADMIN_API.unblock(userId)),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ADMIN_KEYS.users }),
        queryClient.invalidateQueries({ queryKey: ADMIN_KEYS.auditLog }),
      ]),
  });
}
