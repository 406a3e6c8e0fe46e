import type { Appointment } from '@doctime/contracts';
import { Anchor, Avatar, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconClock, IconMessage, IconStethoscope } from '@tabler/icons-react';
import { Link } from 'react-router';
import { AppointmentStatusBadge } from '../../../components/appointment-status-badge';
import { CalendarDownloadButton } from '../../../components/calendar-download-button';
import { CHANGES_CLOSED_HINT, isChangeable } from '../../../lib/appointments';
import { formatClockRange, formatDateTimeIn, formatShortDateIn } from '../../../lib/date-time';
import { PATIENT_ROUTES } from '../routes';
import { ChangeButtons } from './change-buttons';

interface AppointmentCardProps {
  appointment: Appointment;
  timeZone: string;
  now: number;
  onReschedule: (appointment: Appointment) => void;
  onCancel: (appointment: Appointment) => void;
}

/** One of the patient's appointments: doctor, time in the patient's zone, status and what can be done. */
export function AppointmentCard({ appointment: a, timeZone, now, onReschedule, onCancel }: AppointmentCardProps) {
  const upcoming = a.status === 'confirmed' && new Date(a.end).getTime() > now;
  const changeable = isChangeable(a, now);
  const running = upcoming && new Date(a.start).getTime() <= now;
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-label={`Appointment with ${a.doctor.name}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group wrap="nowrap" align="flex-start" gap="md" style={{ minWidth: 0 }}>
          <Avatar name={a.doctor.name} color="initials" size={48} radius={48} alt="" visibleFrom="xs" />
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={PATIENT_ROUTES.appointment(a.id)} inherit c="inherit">
                {a.doctor.name}
              </Anchor>
            </Title>
            {a.doctor.specialty ? (
              <Group gap={6} wrap="nowrap" c="dimmed">
                <IconStethoscope size={16} aria-hidden style={{ flexShrink: 0 }} />
                <Text size="sm">{a.doctor.specialty}</Text>
              </Group>
            ) : null}
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconCalendarEvent size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm" fw={600}>
                <time dateTime={a.start}>{formatShortDateIn(a.start, timeZone)}</time>
                <Text span size="sm" fw={400}>
                  {' · '}
                  {formatClockRange(a.start, a.end, timeZone)}
                </Text>
              </Text>
            </Group>
            <Group gap={6} wrap="nowrap" c="dimmed">
              <IconClock size={16} aria-hidden style={{ flexShrink: 0 }} />
              <Text size="xs">{timeZone}</Text>
            </Group>
            {a.reason ? (
              <Group gap={6} wrap="nowrap" c="dimmed" align="flex-start">
                <IconMessage size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {a.reason}
                </Text>
              </Group>
            ) : null}
          </Stack>
        </Group>
        <AppointmentStatusBadge status={a.status} style={{ flexShrink: 0 }} />
      </Group>

      <Group gap="xs" mt="md" pt="md" wrap="wrap" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        {upcoming ? (
          <ChangeButtons appointment={a} now={now} onReschedule={onReschedule} onCancel={onCancel} />
        ) : (
          <Button component={Link} to={PATIENT_ROUTES.doctor(a.doctorId)} variant="light" size="sm">
            Book a follow-up
          </Button>
        )}
        <CalendarDownloadButton appointmentId={a.id} size="sm" />
        <Button component={Link} to={PATIENT_ROUTES.appointment(a.id)} variant="subtle" size="sm">
          View details
        </Button>
      </Group>
      {upcoming ? (
        <Text size="xs" c="dimmed" mt="xs">
          {running
            ? `In progress now. ${CHANGES_CLOSED_HINT}.`
            : changeable
              ? `You can reschedule or cancel until ${formatDateTimeIn(a.changeableUntil, timeZone)}.`
              : `${CHANGES_CLOSED_HINT}.`}
        </Text>
      ) : null}
    </Card>
  );
}
