import { AppError } from '../../../platform/app-error.ts';
import { decideKyc, type KycDecision } from '../domain/kyc.ts';
import { makeGetOwnDoctor } from './get-own-doctor.ts';
import type { DoctorsDeps } from './ports.ts';

const subjects: Record<KycDecision, string> = {
  approve: 'Your DocTime profile is approved',
  reject: 'Your DocTime application was not approved',
  resubmit: 'DocTime needs more from your KYC documents',
};

function decisionMail(name: string, decision: KycDecision, reason?: string) {
  const lines = {
    approve: 'Your registration was verified. Patients can now find you, and you can publish your availability.',
    reject: 'After review, we could not approve your application.',
    resubmit: 'Please update your KYC details or documents and submit them again.',
  };
  return `Hello ${name},\n\n${lines[decision]}${reason ? `\n\nReason: ${reason}` : ''}\n\nDocTime`;
}

export function makeDecideKyc(deps: DoctorsDeps) {
  const getOwnDoctor = makeGetOwnDoctor(deps);
  return async function decide(input: { doctorId: string; adminId: string; decision: KycDecision; reason?: string | undefined }) {
    const doctor = await deps.doctors.findById(input.doctorId);
    if (!doctor) throw new AppError('NOT_FOUND', 'No such doctor.');
    const result = decideKyc(doctor.kyc, input.decision);
    if (!result.ok) throw new AppError(result.code, result.message);
    const now = deps.clock.now();
    // One decision per submission, even when two admins click at once: the event id is unique.
    const recorded = await deps.kycEvents.insert(`${doctor.id}:${doctor.kyc.submission}:decided`, {
      doctorId: doctor.id,
      submission: doctor.kyc.submission,
      from: doctor.kyc.status,
      to: result.to,
      byUserId: input.adminId,
      byRole: 'admin',
      at: now,
      ...(input.reason ? { reason: input.reason } : {}),
    });
    if (recorded === 'duplicate') throw new AppError('CONFLICT', 'This submission has already been decided.');
    const { reason: _previous, ...kyc } = doctor.kyc;
    await deps.doctors.saveKyc(
      doctor.id,
      { ...kyc, status: result.to, decidedAt: now, ...(input.reason ? { reason: input.reason } : {}) },
      doctor.kyc.submission,
      now,
    );
    await deps.mailer.send({
      to: doctor.email,
      subject: subjects[input.decision],
      text: decisionMail(doctor.name, input.decision, input.reason),
    });
    return getOwnDoctor(doctor.id);
  };
}
