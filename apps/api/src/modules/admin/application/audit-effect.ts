import type { SideEffect } from '../../../platform/side-effect.ts';
import { toAuditPayload, type AuditEntry } from '../domain/audit-entry.ts';
import type { Actor } from './ports.ts';

/**
 * The audit entry of an admin action, as a side effect committed with the
 * action itself: it is written (once) exactly when the action sticks.
 */
export function auditEffect(
  actor: Actor,
  entry: { action: AuditEntry['action']; targetId: string; reason?: string | undefined; at: Date },
): SideEffect {
  return {
    type: 'audit',
    payload: toAuditPayload({
      actorId: actor.userId,
      action: entry.action,
      targetId: entry.targetId,
      ...(entry.reason ? { reason: entry.reason } : {}),
      at: entry.at,
      ...(actor.ip ? { ip: actor.ip } : {}),
    }),
  };
}
