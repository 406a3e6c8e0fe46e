import type { Actor, AdminDeps } from './ports.ts';
import { makeRecordAdminRead } from './record-admin-read.ts';

export function makeViewKycDetails(deps: AdminDeps) {
  const recordAdminRead = makeRecordAdminRead(deps);
  /** A doctor's KYC submission for review; the admin's read is audited before the details are handed out. */
  return async function viewKycDetails(actor: Actor, doctorId: string) {
    const details = await deps.doctors.kycDetails(doctorId);
    await recordAdminRead(actor, { action: 'kyc.view', targetId: doctorId });
    return details;
  };
}
