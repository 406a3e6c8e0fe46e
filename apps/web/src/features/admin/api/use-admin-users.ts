import type { AdminUser, Role } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { pagedListQuery } from './paged-list-query';
import { ADMIN_API, ADMIN_KEYS } from './paths';

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
  return useQuery(pagedListQuery<AdminUserPage>(ADMIN_KEYS.users, ADMIN_API.users, { ...params }));
}
