import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { EffectHandler, Outbox } from '../../platform/outbox/outbox.ts';
import type { AdminDeps } from './application/ports.ts';
import { makeAdminUseCases } from './application/use-cases.ts';
import { adminRouter, type KycReads } from './http/admin.routes.ts';
import { makeMongoAuditLogRepository } from './infrastructure/mongo-audit-log.repository.ts';
import { makeOutboxReadAudit } from './infrastructure/outbox-read-audit.ts';

/** Wires the admin module: KYC decisions and blocking across modules, the audit log (admins' reads included). */
export async function makeAdminModule(
  db: Db,
  outbox: Outbox,
  adapters: Omit<AdminDeps, 'audit' | 'reads'>,
  kyc: KycReads,
  guards: AuthGuards,
) {
  const audit = makeMongoAuditLogRepository(db);
  await audit.backfillLists();
  const useCases = makeAdminUseCases({ ...adapters, audit, reads: makeOutboxReadAudit(db, outbox) });
  const effectHandlers: Record<string, EffectHandler> = {
    // Audit entries are committed with the action (or recorded with the read) they record and written here,
    // once per outbox entry.
    audit: (payload, { entryId }) => useCases.recordAuditEntry(entryId, payload),
  };
  return { useCases, router: adminRouter(useCases, kyc, guards), effectHandlers };
}
