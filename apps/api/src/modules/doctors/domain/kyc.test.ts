import { describe, expect, it } from 'vitest';
import { decideKyc, emptyKyc, submitKyc, type KycDetails, type KycRecord } from './kyc.ts';

const at = new Date('2026-03-02T08:00:00Z');
const details: KycDetails = {
  registrationNumber: 'MCI-123',
  council: 'NMC',
  registrationYear: 2015,
  documents: { identity: 'file-id', license: 'file-lic' },
};
const stored = (status: KycRecord['status'], over: Partial<KycRecord> = {}): KycRecord => ({
  ...emptyKyc,
  ...details,
  status,
  submission: 1,
  ...over,
});
const submitted = (current: KycRecord, d: KycDetails = details) => submitKyc(current, d, 'doc-1', at);
const kycOf = (result: ReturnType<typeof submitKyc>) => {
  if (!result.ok || result.kyc === 'unchanged') throw new Error(`expected a new record, got ${JSON.stringify(result)}`);
  return result.kyc;
};

describe('KYC submission', () => {
  it('starts a new pending submission from not_submitted and resubmission_requested, with a history entry', () => {
    const first = kycOf(submitted(emptyKyc));
    expect(first).toMatchObject({ status: 'pending', submission: 1, ...details, submittedAt: at });
    expect(first.history).toEqual([
      { submission: 1, from: 'not_submitted', to: 'pending', byUserId: 'doc-1', byRole: 'doctor', at },
    ]);
    // Asked to resubmit, the same details still go back to review.
    const again = kycOf(submitted(stored('resubmission_requested', { reason: 'blurred', decidedAt: at })));
    expect(again).toMatchObject({ status: 'pending', submission: 2 });
    expect(again.reason).toBeUndefined();
    expect(again.decidedAt).toBeUndefined();
  });

  it('sends an approved doctor back to review on any change of details or documents', () => {
    const changes: KycDetails[] = [
      { ...details, registrationNumber: 'MCI-999' },
      { ...details, council: 'DMC' },
      { ...details, registrationYear: 2016 },
      { ...details, documents: { identity: 'file-id2', license: 'file-lic' } },
      { ...details, documents: { identity: 'file-id', license: 'file-lic2' } },
      { ...details, documents: { ...details.documents, degree: 'file-deg' } },
    ];
    for (const change of changes) {
      const next = kycOf(submitted(stored('approved', { decidedAt: at }), change));
      expect(next).toMatchObject({ status: 'pending', submission: 2, ...change });
      expect(next.decidedAt).toBeUndefined();
      expect(next.history.at(-1)).toMatchObject({ submission: 2, from: 'approved', to: 'pending' });
    }
  });

  it('changes nothing when exactly the stored submission is submitted again (approved or pending)', () => {
    expect(submitted(stored('approved'))).toEqual({ ok: true, kyc: 'unchanged' });
    expect(submitted(stored('pending'))).toEqual({ ok: true, kyc: 'unchanged' });
  });

  it('starts a new submission when a pending one is corrected', () => {
    expect(kycOf(submitted(stored('pending'), { ...details, registrationYear: 2014 }))).toMatchObject({
      status: 'pending',
      submission: 2,
      registrationYear: 2014,
    });
  });

  it('keeps a rejection final', () => {
    expect(submitted(stored('rejected'))).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('KYC decision', () => {
  const decide = (current: KycRecord, decision: 'approve' | 'reject' | 'resubmit', submission = 1, reason?: string) =>
    decideKyc(current, { decision, submission, adminId: 'admin-1', reason, at });

  it('decides a pending submission and records it in the history', () => {
    const approved = decide(stored('pending', { reason: 'old reason' }), 'approve');
    expect(approved).toMatchObject({ ok: true, kyc: { status: 'approved', submission: 1, decidedAt: at } });
    const kyc = (approved as { kyc: KycRecord }).kyc;
    expect(kyc.reason).toBeUndefined();
    expect(kyc.history).toEqual([{ submission: 1, from: 'pending', to: 'approved', byUserId: 'admin-1', byRole: 'admin', at }]);
    expect(decide(stored('pending'), 'reject', 1, 'no')).toMatchObject({ ok: true, kyc: { status: 'rejected', reason: 'no' } });
    expect(decide(stored('pending'), 'resubmit', 1, 'blurred')).toMatchObject({
      ok: true,
      kyc: { status: 'resubmission_requested', reason: 'blurred', history: [{ reason: 'blurred' }] },
    });
  });

  it('refuses a decision about a submission the doctor has replaced since', () => {
    expect(decide(stored('pending', { submission: 2 }), 'approve', 1)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: 'The doctor submitted new details; review them again.',
    });
  });

  it('decides only pending applications', () => {
    for (const status of ['not_submitted', 'approved', 'rejected', 'resubmission_requested'] as const) {
      expect(decide(stored(status), 'approve')).toMatchObject({ ok: false, code: 'CONFLICT' });
    }
  });
});
