import type { Appointment } from '@doctime/contracts';
import { Anchor, Button, Card, Grid, Group, Skeleton, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowLeft, IconCalendarSearch, IconCircleCheck, IconList } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { AppointmentHistoryCard } from '../../../components/appointment-history';
import { AppointmentStatusBadge } from '../../../components/appointment-status-badge';
import { CalendarDownloadButton } from '../../../components/calendar-download-button';
import { ChatPanel } from '../../../components/chat/chat-panel';
import { DetailList } from '../../../components/detail-list';
import { EmptyState } from '../../../components/empty-state';
import { JoinCallButton } from '../../../components/join-call-button';
import { LoadError } from '../../../components/load-error';
import { CHANGES_CLOSED_HINT, isChangeable, useAppointment } from '../../../lib/appointments';
import { isApiError } from '../../../lib/api-error';
import { formatClockRange, formatDateTimeIn, formatLongDateIn, minutesBetween, zoneWithOffset } from '../../../lib/date-time';
import { browserTimeZone } from '../../../lib/time-zones';
import { useNow } from '../../../lib/use-now';
import { ChangeButtons } from '../components/change-buttons';
import { PatientAppointmentModals } from '../components/patient-appointment-modals';
import { PATIENT_ROUTES } from '../routes';

function DetailSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-live="polite">
      <VisuallyHidden>Loading the appointment</VisuallyHidden>
      <Card withBorder radius="md" padding="lg" aria-hidden>
        <Skeleton height={24} width="40%" radius="sm" mb="lg" />
        <Stack gap="md">
          {Array.from({ length: 4 }, (_, index) => (
            <Stack key={index} gap={6}>
              <Skeleton height={10} width={80} radius="sm" />
              <Skeleton height={16} width="60%" radius="sm" />
            </Stack>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

function BookedBanner({ appointment, timeZone }: { appointment: Appointment; timeZone: string }) {
  return (
    <Card withBorder radius="md" padding="lg" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-3)' }} role="status">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon color="teal" size={44} radius="xl" aria-hidden style={{ flexShrink: 0 }}>
          <IconCircleCheck size={26} />
        </ThemeIcon>
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Title order={1} size="h3">
            Your appointment is booked
          </Title>
          <Text size="sm">
            {appointment.doctor.name} will see you on <strong>{formatDateTimeIn(appointment.start, timeZone)}</strong> ({timeZone}
            ). We have e-mailed you the details and a calendar invitation.
          </Text>
          <Group gap="sm" mt="xs">
            <CalendarDownloadButton appointmentId={appointment.id} label="Add to calendar" variant="filled" color="teal" />
            <Button
              component={Link}
              to={PATIENT_ROUTES.appointments}
              variant="default"
              leftSection={<IconList size={16} aria-hidden />}
            >
              View my appointments
            </Button>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

/** /patient/appointments/:id (and the booking confirmation with ?booked=1). */
export function PatientAppointmentPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const justBooked = params.get('booked') === '1';
  const appointment = useAppointment(id);
  const now = useNow();
  const [timeZone] = useState(browserTimeZone);
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [rescheduling, setRescheduling] = useState<Appointment | null>(null);

  const back = (
    <Anchor
      component={Link}
      to={PATIENT_ROUTES.appointments}
      size="sm"
      mb="sm"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
    >
      <IconArrowLeft size={14} aria-hidden />
      My appointments
    </Anchor>
  );

  if (appointment.isPending) {
    return (
      <>
        {back}
        <DetailSkeleton />
      </>
    );
  }
  if (appointment.isError) {
    if (isApiError(appointment.error) && appointment.error.status === 404) {
      return (
        <>
          <title>Appointment not found · DocTime</title>
          {back}
          <EmptyState
            title="Appointment not found"
            icon={<IconCalendarSearch size={28} />}
            action={
              <Button component={Link} to={PATIENT_ROUTES.appointments}>
                View my appointments
              </Button>
            }
          >
            This appointment does not exist or is not yours.
          </EmptyState>
        </>
      );
    }
    return (
      <>
        {back}
        <LoadError error={appointment.error} title="Could not load this appointment" onRetry={() => void appointment.refetch()} />
      </>
    );
  }

  const a = appointment.data;
  const upcoming = a.status === 'confirmed' && new Date(a.end).getTime() > now;
  const showBanner = justBooked && upcoming;

  return (
    <>
      <title>{`Appointment with ${a.doctor.name} · DocTime`}</title>
      {back}
      <Stack gap="lg">
        {showBanner ? <BookedBanner appointment={a} timeZone={timeZone} /> : null}
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="appointment-title">
              <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
                {showBanner ? (
                  <Title order={2} size="h4" id="appointment-title">
                    Appointment details
                  </Title>
                ) : (
                  <Title order={1} size="h3" id="appointment-title" style={{ overflowWrap: 'anywhere' }}>
                    Appointment with {a.doctor.name}
                  </Title>
                )}
                <AppointmentStatusBadge status={a.status} size="lg" style={{ flexShrink: 0 }} />
              </Group>
              <DetailList
                items={[
                  {
                    label: 'Doctor',
                    value: (
                      <Anchor component={Link} to={PATIENT_ROUTES.doctor(a.doctorId)} size="sm">
                        {a.doctor.name}
                      </Anchor>
                    ),
                  },
                  { label: 'Specialty', value: a.doctor.specialty },
                  { label: 'Date', value: formatLongDateIn(a.start, timeZone) },
                  {
                    label: 'Time',
                    value: `${formatClockRange(a.start, a.end, timeZone)} (${minutesBetween(a.start, a.end)} min)`,
                  },
                  { label: 'Time zone', value: zoneWithOffset(timeZone, new Date(a.start)) },
                  { label: 'Booked on', value: formatDateTimeIn(a.createdAt, timeZone) },
                  { label: 'Reason for visit', value: a.reason, wide: true },
                ]}
              />
              <Group gap="xs" mt="lg" pt="md" wrap="wrap" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                <JoinCallButton appointment={a} role="patient" />
                {upcoming ? (
                  <ChangeButtons appointment={a} now={now} onReschedule={setRescheduling} onCancel={setCancelling} />
                ) : (
                  <Button component={Link} to={PATIENT_ROUTES.doctor(a.doctorId)} variant="light" size="sm">
                    Book a follow-up
                  </Button>
                )}
                {showBanner ? null : <CalendarDownloadButton appointmentId={a.id} size="sm" />}
              </Group>
              {upcoming ? (
                <Text size="xs" c="dimmed" mt="xs">
                  {isChangeable(a, now)
                    ? `You can reschedule or cancel until ${formatDateTimeIn(a.changeableUntil, timeZone)}.`
                    : `${CHANGES_CLOSED_HINT}.`}
                </Text>
              ) : null}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <AppointmentHistoryCard history={a.history} viewer="patient" timeZone={timeZone} />
          </Grid.Col>
        </Grid>
        <ChatPanel appointmentId={a.id} />
      </Stack>
      <PatientAppointmentModals
        timeZone={timeZone}
        cancelling={cancelling}
        rescheduling={rescheduling}
        onCloseCancel={() => setCancelling(null)}
        onCloseReschedule={() => setRescheduling(null)}
      />
    </>
  );
}
