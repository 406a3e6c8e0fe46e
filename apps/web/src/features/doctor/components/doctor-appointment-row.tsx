import type { Appointment } from '@doctime/contracts';
import { Anchor, Avatar, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconUserOff, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { AppointmentStatusBadge } from '../../../components/appointment-status-badge';
import { CHANGES_CLOSED_HINT, awaitsOutcome, isChangeable } from '../../../lib/appointments';
import { formatClockRange, formatShortDateIn } from '../../../lib/date-time';
import type { Outcome } from '../../../lib/appointments';
import classes from './doctor-appointment-row.module.css';

interface DoctorAppointmentRowProps {
  appointment: Appointment;
  now: number;
  onOutcome: (appointment: Appointment, outcome: Outcome) => void;
  onCancel: (appointment: Appointment) => void;
}

/** One consultation in the doctor's schedule: when (doctor's zone), who, why, status and actions. */
export function DoctorAppointmentRow({ appointment: a, now, onOutcome, onCancel }: DoctorAppointmentRowProps) {
  const zone = a.doctor.timeZone;
  const started = awaitsOutcome(a, now);
  const cancellable = a.status === 'confirmed' && !started;
  const changeable = isChangeable(a, now);
  const running = started && new Date(a.end).getTime() > now;
  const hasActions = started || cancellable;

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`Appointment with ${a.patient.name}`}
      className={classes.row}
      data-actions={hasActions || undefined}
    >
      <Stack gap={0} className={classes.when}>
        <Text size="sm" fw={700}>
          <time dateTime={a.start}>{formatShortDateIn(a.start, zone)}</time>
        </Text>
        <Text size="sm">{formatClockRange(a.start, a.end, zone)}</Text>
        <Text size="xs" c="dimmed">
          {zone}
        </Text>
      </Stack>

      <Group gap="sm" wrap="nowrap" align="flex-start" className={classes.who}>
        <Avatar name={a.patient.name} color="initials" size={36} radius={36} alt="" />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor
            component={Link}
            to={`/doctor/appointments/${encodeURIComponent(a.id)}`}
            size="sm"
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {a.patient.name}
          </Anchor>
          <Text size="sm" c={a.reason ? undefined : 'dimmed'} lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
            {a.reason ?? 'No reason given'}
          </Text>
        </Stack>
      </Group>

      <div className={classes.status}>
        <AppointmentStatusBadge status={a.status} />
        {started ? (
          <Text size="xs" c="dimmed" mt={4}>
            {running ? 'In progress' : 'Awaiting outcome'}
          </Text>
        ) : null}
      </div>

      {hasActions ? (
        <Group gap="xs" className={classes.actions} wrap="wrap">
          {started ? (
            <>
              <Button
                size="xs"
                variant="light"
                color="green"
                leftSection={<IconCheck size={14} aria-hidden />}
                onClick={() => onOutcome(a, 'completed')}
              >
                Mark completed
              </Button>
              <Button
                size="xs"
                variant="light"
                color="orange"
                leftSection={<IconUserOff size={14} aria-hidden />}
                onClick={() => onOutcome(a, 'no_show')}
              >
                Mark no-show
              </Button>
            </>
          ) : null}
          {cancellable ? (
            changeable ? (
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconX size={14} aria-hidden />}
                onClick={() => onCancel(a)}
              >
                Cancel
              </Button>
            ) : (
              <Tooltip label={CHANGES_CLOSED_HINT} withArrow events={{ hover: true, focus: true, touch: true }}>
                <span style={{ display: 'inline-block' }} tabIndex={0}>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    leftSection={<IconX size={14} aria-hidden />}
                    disabled
                    style={{ pointerEvents: 'none' }}
                  >
                    Cancel
                  </Button>
                </span>
              </Tooltip>
            )
          ) : null}
        </Group>
      ) : null}
    </Paper>
  );
}
