import { Anchor, Button, Card, Grid, Group, Skeleton, Stack, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowLeft, IconCalendarSearch } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { AppointmentHistoryCard } from '../../../components/appointment-history';
import { AppointmentStatusBadge } from '../../../components/appointment-status-badge';
import { ChatPanel } from '../../../components/chat/chat-panel';
import { JoinCallButton } from '../../../components/join-call-button';
import { DetailList } from '../../../components/detail-list';
import { EmptyState } from '../../../components/empty-state';
import { LoadError } from '../../../components/load-error';
import { useAppointment } from '../../../lib/appointments';
import { isApiError } from '../../../lib/api-error';
import { formatClockRange, formatDateTimeIn, formatLongDateIn, minutesBetween, zoneWithOffset } from '../../../lib/date-time';

const APPOINTMENTS = '/doctor/appointments';

/** /doctor/appointments/:id: one consultation in the doctor's time zone, its history and the chat with the patient. */
export function DoctorAppointmentPage() {
  const { id = '' } = useParams();
  const appointment = useAppointment(id);

  const back = (
    <Anchor component={Link} to={APPOINTMENTS} size="sm" mb="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} aria-hidden />
      Appointments
    </Anchor>
  );

  if (appointment.isPending)
    return (
      <>
        {back}
        <Card withBorder radius="md" padding="lg" role="status" aria-live="polite">
          <VisuallyHidden>Loading the appointment</VisuallyHidden>
          <Skeleton height={24} width="40%" mb="lg" aria-hidden />
          <Skeleton height={80} aria-hidden />
        </Card>
      </>
    );
  if (appointment.isError) {
    if (isApiError(appointment.error) && appointment.error.status === 404)
      return (
        <>
          <title>Appointment not found · DocTime</title>
          {back}
          <EmptyState
            title="Appointment not found"
            icon={<IconCalendarSearch size={28} />}
            action={
              <Button component={Link} to={APPOINTMENTS}>
                Your appointments
              </Button>
            }
          >
            This appointment does not exist or is not with you.
          </EmptyState>
        </>
      );
    return (
      <>
        {back}
        <LoadError error={appointment.error} title="Could not load this appointment" onRetry={() => void appointment.refetch()} />
      </>
    );
  }

  const a = appointment.data;
  const zone = a.doctor.timeZone;
  return (
    <>
      <title>{`Appointment with ${a.patient.name} · DocTime`}</title>
      {back}
      <Stack gap="lg">
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="appointment-title">
              <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
                <Title order={1} size="h3" id="appointment-title" style={{ overflowWrap: 'anywhere' }}>
                  Appointment with {a.patient.name}
                </Title>
                <AppointmentStatusBadge status={a.status} size="lg" style={{ flexShrink: 0 }} />
              </Group>
              <DetailList
                items={[
                  { label: 'Patient', value: a.patient.name },
                  { label: 'Date', value: formatLongDateIn(a.start, zone) },
                  { label: 'Time', value: `${formatClockRange(a.start, a.end, zone)} (${minutesBetween(a.start, a.end)} min)` },
                  { label: 'Time zone', value: zoneWithOffset(zone, new Date(a.start)) },
                  { label: 'Booked on', value: formatDateTimeIn(a.createdAt, zone) },
                  { label: 'Reason for visit', value: a.reason, wide: true },
                ]}
              />
              <Group gap="xs" mt="lg">
                <JoinCallButton appointment={a} role="doctor" />
              </Group>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <AppointmentHistoryCard history={a.history} viewer="doctor" timeZone={zone} />
          </Grid.Col>
        </Grid>
        <ChatPanel appointmentId={a.id} />
      </Stack>
    </>
  );
}
