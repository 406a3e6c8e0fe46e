import type { Appointment } from '@doctime/contracts';
import { Button, Tooltip } from '@mantine/core';
import { IconCalendarRepeat, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CHANGES_CLOSED_HINT, isChangeable } from '../../../lib/appointments';

interface ChangeButtonsProps {
  appointment: Appointment;
  now: number;
  onReschedule: (appointment: Appointment) => void;
  onCancel: (appointment: Appointment) => void;
}

/** Disabled buttons get no pointer events: the tooltip needs a wrapper to hover. */
function ClosedTooltip({ closed, children }: { closed: boolean; children: ReactNode }) {
  if (!closed) return children;
  return (
    <Tooltip label={CHANGES_CLOSED_HINT} withArrow events={{ hover: true, focus: true, touch: true }}>
      <span style={{ display: 'inline-block' }} tabIndex={0}>
        {children}
      </span>
    </Tooltip>
  );
}

/** "Reschedule" and "Cancel" for an upcoming confirmed appointment, closed 4 hours before the start. */
export function ChangeButtons({ appointment, now, onReschedule, onCancel }: ChangeButtonsProps) {
  if (appointment.status !== 'confirmed') return null;
  const closed = !isChangeable(appointment, now);
  return (
    <>
      <ClosedTooltip closed={closed}>
        <Button
          variant="light"
          size="sm"
          leftSection={<IconCalendarRepeat size={16} aria-hidden />}
          disabled={closed}
          onClick={() => onReschedule(appointment)}
          style={closed ? { pointerEvents: 'none' } : undefined}
        >
          Reschedule
        </Button>
      </ClosedTooltip>
      <ClosedTooltip closed={closed}>
        <Button
          variant="light"
          color="red"
          size="sm"
          leftSection={<IconX size={16} aria-hidden />}
          disabled={closed}
          onClick={() => onCancel(appointment)}
          style={closed ? { pointerEvents: 'none' } : undefined}
        >
          Cancel
        </Button>
      </ClosedTooltip>
    </>
  );
}
