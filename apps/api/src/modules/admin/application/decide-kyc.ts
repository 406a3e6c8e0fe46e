import { notificationEffect } from '../../../platform/side-effect.ts';
import { auditEffect } from './audit-effect.ts';
import type { Actor, AdminDeps } from './ports.ts';

const notices = {
  approve: { title: 'Profile approved', body: 'Your registration was verified: patients can now find and book you.' },
  reject: { title: 'Application not approved', body: 'After review, your application was not approved.' },
  resubmit: { title: 'KYC needs an update', body: 'Please update your KYC details or documents and submit them again.' },
};

export function makeAdminDecideKyc(deps: AdminDeps) {
  /**
   * The decision, its audit entry and the doctor's notification are one change: they happen
   * exactly when the decision sticks (the e-mail comes with the decision from doctors).
   */
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
    const notice = notificationEffect({
      userId: input.doctorId,
      type: 'kyc.decided',
      title: notices[input.decision].title,
      body: `${notices[input.decision].body}${input.reason ? ` Reason: ${input.reason}` : ''}`,
      link: '/doctor/profile',
    });
    return deps.doctors.decideKyc({ ...input, adminId: actor.userId }, { effects: [audit, notice] });
  };
}
