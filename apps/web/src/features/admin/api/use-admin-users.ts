import type { AdminUser, Role } from '@doctime/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { ADMIN_API, ADMIN_KEYS, queryString } from './paths';

export interface AdminUsersParams {
  role?: Role | undefined;
  q?: string | undefined;
  page: number;
  limit: number;
}

export interface AdminUserPage {
  items: AdminUser[];
  total: number;
  page: number;
  limit: number;
}

/** GET /admin/users: people by role and name or e-mail. */
export function useAdminUsers(params: AdminUsersParams) {
  return useQuery({
    queryKey: [...ADMIN_KEYS.users, params],
    queryFn: ({ signal }) => api.get<AdminUserPage>(ADMIN_API.users + queryString({ ...params }), { signal }),
    placeholderData: keepPreviousData,
  });
}
