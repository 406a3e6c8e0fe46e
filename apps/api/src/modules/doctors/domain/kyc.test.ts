import { describe, expect, it } from 'vitest';
import { decideKyc, emptyKyc, submitKyc, type KycRecord } from './kyc.ts';
import { isListed } from './doctor.ts';

const details = { registrationNumber: 'MCI-123', council: 'NMC', registrationYear: 2015 };
const at = (status: KycRecord['status']): KycRecord => ({ ...emptyKyc, ...details, status, submission: 1 });

describe('KYC status machine', () => {
  it('submits from not_submitted, pending and resubmission_requested to pending', () => {
    expect(submitKyc(emptyKyc, details)).toEqual({ ok: true, to: 'pending' });
    expect(submitKyc(at('pending'), details)).toEqual({ ok: true, to: 'pending' });
    expect(submitKyc(at('resubmission_requested'), details)).toEqual({ ok: true, to: 'pending' });
  });

  it('sends an approved doctor back to pending only when registration details change', () => {
    expect(submitKyc(at('approved'), details)).toEqual({ ok: true, to: 'approved' });
    expect(submitKyc(at('approved'), { ...details, registrationNumber: 'MCI-999' })).toEqual({ ok: true, to: 'pending' });
    expect(submitKyc(at('approved'), { ...details, registrationYear: 2016 })).toEqual({ ok: true, to: 'pending' });
  });

  it('keeps a rejection final', () => {
    expect(submitKyc(at('rejected'), details)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('decides only pending applications', () => {
    expect(decideKyc(at('pending'), 'approve')).toEqual({ ok: true, to: 'approved' });
    expect(decideKyc(at('pending'), 'reject')).toEqual({ ok: true, to: 'rejected' });
    expect(decideKyc(at('pending'), 'resubmit')).toEqual({ ok: true, to: 'resubmission_requested' });
    for (const status of ['not_submitted', 'approved', 'rejected', 'resubmission_requested'] as const) {
      expect(decideKyc(at(status), 'approve')).toMatchObject({ ok: false, code: 'CONFLICT' });
    }
  });
});

describe('listing', () => {
  const profile = {} as never;
  it('lists approved, unblocked doctors with a profile only', () => {
    expect(isListed({ kyc: at('approved'), blocked: false, profile })).toBe(true);
    expect(isListed({ kyc: at('approved'), blocked: true, profile })).toBe(false);
    expect(isListed({ kyc: at('pending'), blocked: false, profile })).toBe(false);
    expect(isListed({ kyc: at('approved'), blocked: false, profile: null })).toBe(false);
  });
});
