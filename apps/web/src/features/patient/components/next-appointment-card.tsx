import { Avatar, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from 'react-router';
import { AppointmentStatusBadge } from '../../../components/appointment-status-badge';
import { CalendarDownloadButton } from '../../../components/calendar-download-button';
import { ErrorAlert } from '../../../components/error-alert';
import { useAppointments } from '../../../lib/appointments';
import { formatClockRange, formatLongDateIn } from '../../../lib/date-time';
import { PATIENT_ROUTES } from '../routes';

/** The dashboard's "Next appointment": the soonest upcoming booking, or a way to make one. */
export function NextAppointmentCard({ timeZone }: { timeZone: string }) {
  const upcoming = useAppointments({ scope: 'upcoming', page: 1, limit: 1 });
  const next = upcoming.data?.items[0];

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="next-appointment-title" h="100%">
      <Group gap="sm" mb="md" wrap="nowrap">
        <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
          <IconCalendarEvent size={22} />
        </ThemeIcon>
        <Title order={2} size="h5" id="next-appointment-title">
          Next appointment
        </Title>
      </Group>
      {upcoming.isPending ? (
        <Stack gap={8} role="status" aria-live="polite">
          <VisuallyHidden>Loading your next appointment</VisuallyHidden>
          <Skeleton height={16} width="60%" radius="sm" aria-hidden />
          <Skeleton height={12} width="80%" radius="sm" aria-hidden />
          <Skeleton height={32} width={140} radius="md" mt="sm" aria-hidden />
        </Stack>
      ) : upcoming.isError ? (
        <ErrorAlert error={upcoming.error} title="Could not load your appointments" />
      ) : next ? (
        <Stack gap="sm">
          <Group wrap="nowrap" gap="sm" align="flex-start">
            <Avatar name={next.doctor.name} color="initials" size={44} radius={44} alt="" />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                {next.doctor.name}
              </Text>
              {next.doctor.specialty ? (
                <Text size="sm" c="dimmed">
                  {next.doctor.specialty}
                </Text>
              ) : null}
            </Stack>
          </Group>
          <div>
            <Text size="sm" fw={600}>
              {formatLongDateIn(next.start, timeZone)}
            </Text>
            <Text size="sm">
              {formatClockRange(next.start, next.end, timeZone)}{' '}
              <Text span size="xs" c="dimmed">
                ({timeZone})
              </Text>
            </Text>
          </div>
          <Group gap="xs">
            <AppointmentStatusBadge status={next.status} />
            {upcoming.data.total > 1 ? (
              <Text size="xs" c="dimmed">
                +{upcoming.data.total - 1} more upcoming
              </Text>
            ) : null}
          </Group>
          <Group gap="xs" mt={4}>
            <Button component={Link} to={PATIENT_ROUTES.appointment(next.id)} size="xs" variant="light">
              View details
            </Button>
            <CalendarDownloadButton appointmentId={next.id} size="xs" />
          </Group>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          You have no upcoming consultations. When you book one, its time and doctor appear here.
        </Text>
      )}
    </Card>
  );
}
