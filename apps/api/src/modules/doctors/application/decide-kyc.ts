import { emailEffect, type SideEffect } from '../../../platform/side-effect.ts';
import { withKyc, type Doctor } from '../domain/doctor.ts';
import { decideKyc, type KycDecision } from '../domain/kyc.ts';
import { applied, changeDoctor } from './change-doctor.ts';
import { toOwnDoctor } from './doctor-views.ts';
import { findDoctor } from './load-doctor.ts';
import type { DoctorsDeps } from './ports.ts';

const subjects: Record<KycDecision, string> = {
  approve: 'Your DocTime profile is approved',
  reject: 'Your DocTime application was not approved',
  resubmit: 'DocTime needs more from your KYC documents',
};

function decisionMail(doctor: Doctor, decision: KycDecision, reason?: string) {
  const lines = {
    approve: 'Your registration was verified. Patients can now find you, and you can publish your availability.',
    reject: 'After review, we could not approve your application.',
    resubmit: 'Please update your KYC details or documents and submit them again.',
  };
  return emailEffect({
    to: doctor.email,
    subject: subjects[decision],
    text: `Hello ${doctor.name},\n\n${lines[decision]}${reason ? `\n\nReason: ${reason}` : ''}\n\nDocTime`,
  });
}

export interface DecideKycInput {
  doctorId: string;
  adminId: string;
  decision: KycDecision;
  reason?: string | undefined;
  /** The submission the admin reviewed; when omitted, the one current when the request arrived. */
  submission?: number | undefined;
}

export function makeDecideKyc(deps: DoctorsDeps) {
  /**
   * Decides one submission. The e-mail to the doctor and the caller's
   * `effects` (the admin's audit entry) are committed with the decision and
   * delivered afterwards, so they happen exactly when the decision sticks.
   */
  return async function decide(input: DecideKycInput, extra: { effects?: SideEffect[] } = {}) {
    // Pinned before any retry: a decision is never moved to a submission nobody reviewed.
    const submission = input.submission ?? (await findDoctor(deps, input.doctorId)).kyc.submission;
    const now = deps.clock.now();
    const doctor = await changeDoctor(
      deps,
      input.doctorId,
      (current) => {
        const kyc = applied(
          decideKyc(current.kyc, { decision: input.decision, submission, adminId: input.adminId, reason: input.reason, at: now }),
        );
        if (kyc === 'unchanged') return 'unchanged';
        return {
          next: withKyc(current, kyc, now),
          effects: [decisionMail(current, input.decision, input.reason), ...(extra.effects ?? [])],
        };
      },
      { create: false },
    );
    return toOwnDoctor(deps, doctor);
  };
}
