import type { KycStatus } from '@doctime/contracts';

export interface KycDocuments {
  identity: string;
  license: string;
  degree?: string;
}

/** What a doctor submits for review. */
export interface KycDetails {
  registrationNumber: string;
  council: string;
  registrationYear: number;
  documents: KycDocuments;
}

/** One transition of the KYC record, kept in the record itself. */
export interface KycEvent {
  submission: number;
  from: KycStatus;
  to: KycStatus;
  byUserId: string;
  byRole: 'doctor' | 'admin';
  at: Date;
  reason?: string;
}

export interface KycRecord {
  status: KycStatus;
  /** Increases with every submission; a decision is about one submission. */
  submission: number;
  registrationNumber?: string;
  council?: string;
  registrationYear?: number;
  documents?: KycDocuments;
  submittedAt?: Date;
  decidedAt?: Date;
  reason?: string;
  /** Every transition, oldest first; written with the transition itself. */
  history: KycEvent[];
}

export type KycDecision = 'approve' | 'reject' | 'resubmit';

export const emptyKyc: KycRecord = { status: 'not_submitted', submission: 0, history: [] };

export type Refusal = { ok: false; code: 'CONFLICT'; message: string };
/** The next KYC record, 'unchanged' when there is nothing to store, or a refusal. */
export type KycResult = { ok: true; kyc: KycRecord | 'unchanged' } | Refusal;

const refuse = (message: string): Refusal => ({ ok: false, code: 'CONFLICT', message });

/** True when the stored submission holds exactly these details and documents. */
export function sameSubmission(current: KycRecord, details: KycDetails): boolean {
  const docs = current.documents;
  return (
    current.registrationNumber === details.registrationNumber &&
    current.council === details.council &&
    current.registrationYear === details.registrationYear &&
    docs?.identity === details.documents.identity &&
    docs?.license === details.documents.license &&
    docs?.degree === details.documents.degree
  );
}

/**
 * not_submitted -> pending -> approved | rejected | resubmission_requested;
 * resubmission goes back to pending; an approved doctor who changes any
 * registration detail or document starts a new submission (pending, unlisted
 * until approved again); a rejection is final. Submitting exactly what is
 * already stored while pending or approved changes nothing (so a review in
 * progress stays about the same submission).
 */
export function submitKyc(current: KycRecord, details: KycDetails, doctorId: string, at: Date): KycResult {
  if (current.status === 'rejected') return refuse('This application was rejected. Contact support to appeal.');
  if ((current.status === 'pending' || current.status === 'approved') && sameSubmission(current, details)) {
    return { ok: true, kyc: 'unchanged' };
  }
  const submission = current.submission + 1;
  const { degree } = details.documents;
  return {
    ok: true,
    kyc: {
      status: 'pending',
      submission,
      registrationNumber: details.registrationNumber,
      council: details.council,
      registrationYear: details.registrationYear,
      documents: { identity: details.documents.identity, license: details.documents.license, ...(degree ? { degree } : {}) },
      submittedAt: at,
      history: [
        ...current.history,
        { submission, from: current.status, to: 'pending', byUserId: doctorId, byRole: 'doctor', at },
      ],
    },
  };
}

const decided: Record<KycDecision, KycStatus> = {
  approve: 'approved',
  reject: 'rejected',
  resubmit: 'resubmission_requested',
};

/** An admin's decision about one submission: refused when the doctor has submitted since, or it is not pending. */
export function decideKyc(
  current: KycRecord,
  input: { decision: KycDecision; submission: number; adminId: string; reason?: string | undefined; at: Date },
): KycResult {
  if (current.submission !== input.submission) return refuse('The doctor submitted new details; review them again.');
  if (current.status !== 'pending') {
    return refuse(`Only pending applications can be decided (this one is ${current.status}).`);
  }
  const to = decided[input.decision];
  const { reason: _previous, ...kyc } = current;
  const reason = input.reason ? { reason: input.reason } : {};
  return {
    ok: true,
    kyc: {
      ...kyc,
      status: to,
      decidedAt: input.at,
      ...reason,
      history: [
        ...current.history,
        {
          submission: current.submission,
          from: current.status,
          to,
          byUserId: input.adminId,
          byRole: 'admin',
          at: input.at,
          ...reason,
        },
      ],
    },
  };
}
