import type { AppointmentStatus } from '@doctime/contracts';
import { Badge, type BadgeProps } from '@mantine/core';
import { APPOINTMENT_STATUS_COLOR, APPOINTMENT_STATUS_LABEL } from '../lib/appointments';

/** An appointment's status as a coloured badge. */
export function AppointmentStatusBadge({
  status,
  ...props
}: { status: AppointmentStatus } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge variant="light" color={APPOINTMENT_STATUS_COLOR[status]} {...props}>
      {APPOINTMENT_STATUS_LABEL[status]}
    </Badge>
  );
}
