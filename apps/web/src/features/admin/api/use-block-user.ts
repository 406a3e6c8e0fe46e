import type { AdminUser, BlockUserRequest } from '@doctime/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SchemaOutput } from '../../../lib/schema-types';
import { ADMIN_API, ADMIN_KEYS } from './paths';

export type BlockUserBody = SchemaOutput<typeof BlockUserRequest>;

/** POST /admin/users/:id/block: the user is signed out and cannot sign in. */
export function useBlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: BlockUserBody }) =>
      api.post<{ user: AdminUser }>(ADMIN_API.block(userId), body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ADMIN_KEYS.users }),
        queryClient.invalidateQueries({ queryKey: ADMIN_KEYS.auditLog }),
      ]),
  });
}
