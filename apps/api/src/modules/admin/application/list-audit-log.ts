import type { AdminDeps } from './ports.ts';

export function makeListAuditLog(deps: AdminDeps) {
  return async function listAuditLog(input: {
    action?: string | undefined;
    targetId?: string | undefined;
    page: number;
    limit: number;
  }) {
    const { items, total } = await deps.audit.list({ ...input, skip: (input.page - 1) * input.limit });
    const names = await deps.accounts.findNames([...new Set(items.map((e) => e.actorId))]);
    return {
      items: items.map((e) => ({
        id: e.id,
        actorId: e.actorId,
        ...(names.has(e.actorId) ? { actorName: names.get(e.actorId)! } : {}),
        action: e.action,
        targetId: e.targetId,
        ...(e.reason ? { reason: e.reason } : {}),
        at: e.at.toISOString(),
        ...(e.ip ? { ip: e.ip } : {}),
      })),
      total,
      page: input.page,
      limit: input.limit,
    };
  };
}
