import type { KycStatus } from '@doctime/contracts';

export const KYC_STATUS_LABEL: Record<KycStatus, string> = {
  not_submitted: 'Not submitted',
  pending: 'Pending review',
  approved: 'Approved',
  rejected: 'Rejected',
  resubmission_requested: 'Resubmission requested',
};

export const KYC_STATUS_COLOR: Record<KycStatus, string> = {
  not_submitted: 'gray',
  pending: 'yellow',
  approved: 'green',
  rejected: 'red',
  resubmission_requested: 'orange',
};
