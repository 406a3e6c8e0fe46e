import { makeSetUserBlocked } from './block-user.ts';
import { makeAdminDecideKyc } from './decide-kyc.ts';
import { makeListAuditLog } from './list-audit-log.ts';
import type { AdminDeps } from './ports.ts';
import { makeRecordAuditEntry } from './record-audit-entry.ts';

export function makeAdminUseCases(deps: AdminDeps) {
  return {
    decideKyc: makeAdminDecideKyc(deps),
    setUserBlocked: makeSetUserBlocked(deps),
    listAuditLog: makeListAuditLog(deps),
    recordAuditEntry: makeRecordAuditEntry(deps),
  };
}
export type AdminUseCases = ReturnType<typeof makeAdminUseCases>;
