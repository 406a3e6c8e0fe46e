import type { AdminReadAction } from '../domain/audit-entry.ts';
import { auditEffect } from './audit-effect.ts';
import type { Actor, AdminDeps } from './ports.ts';

export function makeRecordAdminRead(deps: AdminDeps) {
  /**
   * Leaves the trace of an admin reading another person's health data: the
   * audit entry is recorded durably (in the outbox, under a fresh id: the read
   * is its own change) before the caller hands the data out, and written to the
   * log from there. Throws when it cannot be recorded, so the read fails rather
   * than going unaudited.
   */
  return async function recordAdminRead(actor: Actor, read: { action: AdminReadAction; targetId: string }) {
    await deps.reads.record(deps.newId(), auditEffect(actor, { ...read, at: deps.clock.now() }));
  };
}
