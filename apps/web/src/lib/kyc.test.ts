import { kycStatuses } from '@doctime/contracts';
import { describe, expect, it } from 'vitest';
import { KYC_STATUS_COLOR, KYC_STATUS_LABEL } from './kyc';

describe('KYC status labels and colours', () => {
  it('cover exactly the contract’s statuses', () => {
    expect(Object.keys(KYC_STATUS_LABEL).sort()).toEqual([...kycStatuses].sort());
    expect(Object.keys(KYC_STATUS_COLOR).sort()).toEqual([...kycStatuses].sort());
  });

  it('give every status its own readable label', () => {
    const labels = Object.values(KYC_STATUS_LABEL);
    expect(new Set(labels).size).toBe(labels.length);
    expect(KYC_STATUS_LABEL.pending).toBe('Pending review');
    expect(KYC_STATUS_LABEL.resubmission_requested).toBe('Resubmission requested');
  });

  it('colour approval green and rejection red', () => {
    expect(KYC_STATUS_COLOR.approved).toBe('green');
    expect(KYC_STATUS_COLOR.rejected).toBe('red');
    expect(new Set(Object.values(KYC_STATUS_COLOR)).size).toBe(kycStatuses.length);
  });
});
