import { auditActions, type AuditAction } from '@doctime/contracts';

/** One line of the append-only audit log: who did what (or read what) to whom, why, when, from where. */
export interface AuditEntry {
  id: string;
  actorId: string;
  action: AuditAction;
  targetId: string;
  reason?: string;
  at: Date;
  ip?: string;
}

/** The actions that record an admin reading another person's health data (nothing changes: the read itself is audited). */
export type AdminReadAction = Extract<AuditAction, `${string}.view`>;

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
    !auditActions.includes(action as AuditAction) ||
    Number.isNaN(when.getTime()) ||
    (reason !== undefined && typeof reason !== 'string') ||
    (ip !== undefined && typeof ip !== 'string')
  ) {
    throw new Error('malformed audit entry');
  }
  return {
    id,
    actorId,
    action: action as AuditAction,
    targetId,
    ...(reason ? { reason } : {}),
    at: when,
    ...(ip ? { ip } : {}),
  };
}
