import { makeSetUserBlocked } from './block-user.ts';
import { makeAdminDecideKyc } from './decide-kyc.ts';
import { makeListAuditLog } from './list-audit-log.ts';
import type { AdminDeps } from './ports.ts';
import { makeRecordAdminRead } from './record-admin-read.ts';
import { makeRecordAuditEntry } from './record-audit-entry.ts';
import { makeViewKycDetails } from './view-kyc-details.ts';

export function makeAdminUseCases(deps: AdminDeps) {
  return {
    viewKycDetails: makeViewKycDetails(deps),
    /** For other modules: audits an admin's read of someone's health data before it is returned. */
    recordAdminRead: makeRecordAdminRead(deps),
    decideKyc: makeAdminDecideKyc(deps),
    setUserBlocked: makeSetUserBlocked(deps),
    listAuditLog: makeListAuditLog(deps),
    recordAuditEntry: makeRecordAuditEntry(deps),
  };
}
export type AdminUseCases = ReturnType<typeof makeAdminUseCases>;
