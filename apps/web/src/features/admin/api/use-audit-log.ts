import type { AuditLog } from '@doctime/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { ADMIN_API, ADMIN_KEYS, queryString } from './paths';

export interface AuditLogParams {
  action?: string | undefined;
  targetId?: string | undefined;
  page: number;
  limit: number;
}

/** GET /admin/audit-log: administrative decisions, newest first. */
export function useAuditLog(params: AuditLogParams) {
  return useQuery({
    queryKey: [...ADMIN_KEYS.auditLog, params],
    queryFn: ({ signal }) => api.get<AuditLog>(ADMIN_API.auditLog + queryString({ ...params }), { signal }),
    placeholderData: keepPreviousData,
  });
}
