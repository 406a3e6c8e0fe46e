import type { KycStatus } from '@doctime/contracts';

export interface KycRecord {
  status: KycStatus;
  /** Increases with every submission; a decision is about one submission. */
  submission: number;
  registrationNumber?: string;
  council?: string;
  registrationYear?: number;
  documents?: { identity: string; license: string; degree?: string };
  submittedAt?: Date;
  decidedAt?: Date;
  reason?: string;
}

export interface KycEvent {
  doctorId: string;
  submission: number;
  from: KycStatus;
  to: KycStatus;
  byUserId: string;
  byRole: 'doctor' | 'admin';
  at: Date;
  reason?: string;
}

export type KycDecision = 'approve' | 'reject' | 'resubmit';

export const emptyKyc: KycRecord = { status: 'not_submitted', submission: 0 };

type Result = { ok: true; to: KycStatus } | { ok: false; code: 'CONFLICT'; message: string };

/**
 * not_submitted -> pending -> approved | rejected | resubmission_requested;
 * resubmission goes back to pending; an approved doctor who changes
 * registration details goes back to pending; a rejection is final.
 */
export function submitKyc(
  current: KycRecord,
  details: { registrationNumber: string; council: string; registrationYear: number },
): Result {
  switch (current.status) {
    case 'not_submitted':
    case 'resubmission_requested':
    case 'pending':
      return { ok: true, to: 'pending' };
    case 'approved': {
      const same =
        current.registrationNumber === details.registrationNumber &&
        current.council === details.council &&
        current.registrationYear === details.registrationYear;
      return { ok: true, to: same ? 'approved' : 'pending' };
    }
    case 'rejected':
      return { ok: false, code: 'CONFLICT', message: 'This application was rejected. Contact support to appeal.' };
  }
}

const decided: Record<KycDecision, KycStatus> = {
  approve: 'approved',
  reject: 'rejected',
  resubmit: 'resubmission_requested',
};

export function decideKyc(current: KycRecord, decision: KycDecision): Result {
  if (current.status !== 'pending') {
    return { ok: false, code: 'CONFLICT', message: `Only pending applications can be decided (this one is ${current.status}).` };
  }
  return { ok: true, to: decided[decision] };
}
