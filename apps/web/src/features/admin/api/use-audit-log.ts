import type { AuditLog } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { pagedListQuery } from './paged-list-query';
import { ADMIN_API, ADMIN_KEYS } from './paths';

export interface AuditLogParams {
  action?: string | undefined;
  targetId?: string | undefined;
  page: number;
  limit: number;
}

/** GET /admin/audit-log: administrative decisions, newest first. */
export function useAuditLog(params: AuditLogParams) {
  return useQuery(pagedListQuery<AuditLog>(ADMIN_KEYS.auditLog, ADMIN_API.auditLog, { ...params }));
}
