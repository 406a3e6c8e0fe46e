/** One line of the append-only audit log: who did what to whom, why, when, from where. */
export interface AuditEntry {
  id: string;
  actorId: string;
  action: 'kyc.approve' | 'kyc.reject' | 'kyc.resubmit' | 'user.block' | 'user.unblock';
  targetId: string;
  reason?: string;
  at: Date;
  ip?: string;
}

const actions: readonly AuditEntry['action'][] = ['kyc.approve', 'kyc.reject', 'kyc.resubmit', 'user.block', 'user.unblock'];

/** An entry as the plain data of a side effect (its id is given when it is delivered). */
export function toAuditPayload(entry: Omit<AuditEntry, 'id'>): Record<string, unknown> {
  return { ...entry, at: entry.at.toISOString() };
}

/** The entry a side effect's payload describes, with the id it gets in the log; throws when malformed. */
export function auditEntryFromPayload(id: string, payload: Record<string, unknown>): AuditEntry {
  const { actorId, action, targetId, reason, at, ip } = payload;
  const when = typeof at === 'string' || at instanceof Date ? new Date(at) : new Date(NaN);
  if (
    typeof actorId !== 'string' ||
    typeof targetId !== 'string' ||
    !actions.includes(action as AuditEntry['action']) ||
    Number.isNaN(when.getTime()) ||
    (reason !== undefined && typeof reason !== 'string') ||
    (ip !== undefined && typeof ip !== 'string')
  ) {
    throw new Error('malformed audit entry');
  }
  return {
    id,
    actorId,
    action: action as AuditEntry['action'],
    targetId,
    ...(reason ? { reason } : {}),
    at: when,
    ...(ip ? { ip } : {}),
  };
}
