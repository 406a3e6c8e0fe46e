import type { KycStatus } from '@doctime/contracts';
import { Badge, type BadgeProps } from '@mantine/core';
import { KYC_STATUS_COLOR, KYC_STATUS_LABEL } from '../lib/kyc';

/** A doctor's verification status as a coloured badge. */
export function KycStatusBadge({ status, ...props }: { status: KycStatus } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge variant="light" color={KYC_STATUS_COLOR[status]} {...props}>
      {KYC_STATUS_LABEL[status]}
    </Badge>
  );
}
