import type { AdminUser } from '@doctime/contracts';
import { toPublicUser, type User } from '../domain/user.ts';
import type { IdentityDeps } from './ports.ts';

export function toAdminUser(user: User): AdminUser {
  return {
    ...toPublicUser(user),
    blocked: !!user.blocked,
    ...(user.blocked ? { blockedReason: user.blocked.reason } : {}),
    createdAt: user.createdAt.toISOString(),
  };
}

export function makeListUsers(deps: IdentityDeps) {
  return async function listUsers(input: {
    role?: User['role'] | undefined;
    q?: string | undefined;
    page: number;
    limit: number;
  }) {
    const { items, total } = await deps.users.search({
      role: input.role,
      text: input.q || undefined,
      skip: (input.page - 1) * input.limit,
      limit: input.limit,
    });
    return { items: items.map(toAdminUser), total, page: input.page, limit: input.limit };
  };
}
