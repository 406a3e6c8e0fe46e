import type { Appointment } from '@doctime/contracts';
import { Avatar, Badge, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { JoinCallButton } from '../../../components/join-call-button';
import { awaitsOutcome, useAppointments } from '../../../lib/appointments';
import { dateIn, formatClock, formatLongDay } from '../../../lib/date-time';
import { useNow } from '../../../lib/use-now';

function ScheduleSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-live="polite">
      <VisuallyHidden>Loading today&apos;s schedule</VisuallyHidden>
      {Array.from({ length: 2 }, (_, index) => (
        <Group key={index} gap="sm" wrap="nowrap" aria-hidden>
          <Skeleton height={14} width={52} radius="sm" />
          <Skeleton height={28} width={28} circle />
          <Skeleton height={14} width="50%" radius="sm" />
        </Group>
      ))}
    </Stack>
  );
}

function ScheduleItem({
  appointment: a,
  timeZone,
  now,
  first,
}: {
  appointment: Appointment;
  timeZone: string;
  now: number;
  first: boolean;
}) {
  return (
    <Group
      component="li"
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      py="xs"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Stack gap={0} w={52} style={{ flexShrink: 0 }}>
        <Text size="sm" fw={700}>
          <time dateTime={a.start}>{formatClock(a.start, timeZone)}</time>
        </Text>
        <Text size="xs" c="dimmed">
          {formatClock(a.end, timeZone)}
        </Text>
      </Stack>
      <Avatar name={a.patient.name} color="initials" size={28} radius={28} alt="" />
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={600} truncate="end">
          {a.patient.name}
        </Text>
        {a.reason ? (
          <Text size="xs" c="dimmed" truncate="end">
            {a.reason}
          </Text>
        ) : null}
        {awaitsOutcome(a, now) ? (
          <Badge size="xs" variant="light" color="orange" w="fit-content">
            {new Date(a.end).getTime() > now ? 'In progress' : 'Awaiting outcome'}
          </Badge>
        ) : null}
        <JoinCallButton appointment={a} role="doctor" size="xs" />
      </Stack>
    </Group>
  );
}

/** "Today's schedule": today's confirmed consultations in the doctor's zone, earliest first. */
export function TodaysSchedule({ timeZone }: { timeZone: string }) {
  const now = useNow();
  // Today's consultations that have not ended, and those that ended but still wait for an outcome.
  const upcoming = useAppointments({ scope: 'upcoming', page: 1, limit: 50 });
  const awaiting = useAppointments({ scope: 'past', status: 'confirmed', page: 1, limit: 50 });
  const today = dateIn(now, timeZone);

  const isPending = upcoming.isPending || awaiting.isPending;
  const error = upcoming.error ?? awaiting.error;
  const items: Appointment[] = [...(awaiting.data?.items ?? []), ...(upcoming.data?.items ?? [])]
    .filter((a) => a.status === 'confirmed' && dateIn(a.start, timeZone) === today)
    .filter((a, index, all) => all.findIndex((b) => b.id === a.id) === index)
    .sort((a, b) => a.start.localeCompare(b.start));

  let content;
  if (isPending) content = <ScheduleSkeleton />;
  else if (error) content = <ErrorAlert error={error} title="Could not load today's appointments" />;
  else if (items.length === 0)
    content = (
      <Text size="sm" c="dimmed">
        Nothing booked today
      </Text>
    );
  else
    content = (
      <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((a, index) => (
          <ScheduleItem key={a.id} appointment={a} timeZone={timeZone} now={now} first={index === 0} />
        ))}
      </Stack>
    );

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="todays-schedule-title">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
            <IconCalendarEvent size={22} />
          </ThemeIcon>
          <div>
            <Title order={2} size="h5" id="todays-schedule-title">
              Today&apos;s schedule
            </Title>
            <Text size="xs" c="dimmed">
              {formatLongDay(today)} · {timeZone}
            </Text>
          </div>
        </Group>
        {items.length ? (
          <Badge variant="light" style={{ flexShrink: 0 }} aria-label={`${items.length} today`}>
            {items.length}
          </Badge>
        ) : null}
      </Group>
      {content}
      <Button component={Link} to="/doctor/appointments" variant="light" size="sm" mt="md">
        Open schedule
      </Button>
    </Card>
  );
}
