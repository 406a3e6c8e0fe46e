import { auditEntryFromPayload } from '../domain/audit-entry.ts';
import type { AdminDeps } from './ports.ts';

export function makeRecordAuditEntry(deps: AdminDeps) {
  /**
   * Delivers an 'audit' side effect: appends the entry under the outbox
   * entry's id, insert-or-fail, so a redelivery finds it there and adds nothing.
   */
  return async function recordAuditEntry(entryId: string, payload: Record<string, unknown>) {
    await deps.audit.append(auditEntryFromPayload(entryId, payload));
  };
}
