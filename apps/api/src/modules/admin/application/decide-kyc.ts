import { auditEffect } from './audit-effect.ts';
import type { Actor, AdminDeps } from './ports.ts';

export function makeAdminDecideKyc(deps: AdminDeps) {
  /** The decision and its audit entry are one change: the entry is written exactly when the decision sticks. */
  return async function decideKyc(
    actor: Actor,
    input: {
      doctorId: string;
      decision: 'approve' | 'reject' | 'resubmit';
      reason?: string | undefined;
      submission?: number | undefined;
    },
  ) {
    const audit = auditEffect(actor, {
      action: `kyc.${input.decision}`,
      targetId: input.doctorId,
      reason: input.reason,
      at: deps.clock.now(),
    });
    return deps.doctors.decideKyc({ ...input, adminId: actor.userId }, { effects: [audit] });
  };
}
