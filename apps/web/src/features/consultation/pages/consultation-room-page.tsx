import { Anchor, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCalendarSearch, IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ChatPanel } from '../../../components/chat/chat-panel';
import { EmptyState } from '../../../components/empty-state';
import { LoadError } from '../../../components/load-error';
import { APPOINTMENT_STATUS_LABEL, useAppointment } from '../../../lib/appointments';
import { isApiError } from '../../../lib/api-error';
import { callWindowState, countdownText } from '../../../lib/call-window';
import { formatDateTimeIn } from '../../../lib/date-time';
import { browserTimeZone } from '../../../lib/time-zones';
import { useNow } from '../../../lib/use-now';
import { useOtherInCall } from '../../../lib/use-other-in-call';
import { DoctorPanel } from '../components/doctor-panel';
import { InRoom } from '../components/in-room';

/** /patient/appointments/:id/room and /doctor/appointments/:id/room: the video consultation. */
export function ConsultationRoomPage({ role }: { role: 'patient' | 'doctor' }) {
  const { id = '' } = useParams();
  const appointment = useAppointment(id);
  const now = useNow(1_000);
  const [session, setSession] = useState(0);
  const [left, setLeft] = useState(false);
  const otherSide = role === 'patient' ? 'doctor' : 'patient';
  const [joined, setJoined] = useState(false);
  const otherPresent = useOtherInCall(id, !!appointment.data?.consultation?.present.includes(otherSide));
  const detailPath = `/${role}/appointments/${encodeURIComponent(id)}`;
  const back = (
    <Anchor component={Link} to={detailPath} size="sm" mb="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} aria-hidden />
      Appointment details
    </Anchor>
  );

  if (appointment.isPending) {
    return (
      <>
        {back}
        <Skeleton height={360} radius="md" aria-label="Loading the consultation room" />
      </>
    );
  }
  if (appointment.isError) {
    return (
      <>
        {back}
        {isApiError(appointment.error) && appointment.error.status === 404 ? (
          <EmptyState title="Consultation not found" icon={<IconCalendarSearch size={28} />}>
            This appointment does not exist or is not yours.
          </EmptyState>
        ) : (
          <LoadError
            error={appointment.error}
            title="Could not load this consultation"
            onRetry={() => void appointment.refetch()}
          />
        )}
      </>
    );
  }

  const a = appointment.data;
  const zone = role === 'doctor' ? a.doctor.timeZone : browserTimeZone();
  const otherName = role === 'patient' ? a.doctor.name : a.patient.name;
  const room = callWindowState(a, new Date(now));
  let main;
  if (left) {
    main = (
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h4">
            You left the consultation
          </Title>
          <Text size="sm">
            {room.state === 'open' ? 'You can rejoin while the room is open.' : 'The consultation room has closed.'}
          </Text>
          <Group gap="sm">
            {room.state === 'open' ? (
              <Button
                onClick={() => {
                  setLeft(false);
                  setSession((n) => n + 1);
                }}
              >
                Rejoin
              </Button>
            ) : null}
            <Button component={Link} to={detailPath} variant="default">
              Back to the appointment
            </Button>
          </Group>
        </Stack>
      </Card>
    );
  } else if (room.state === 'open' || joined) {
    // A call under way goes on past the window's end; only joining needs the room open.
    main = (
      <InRoom
        key={session}
        appointment={a}
        role={role}
        otherWaiting={otherPresent}
        onJoined={() => setJoined(true)}
        onLeft={() => {
          setLeft(true);
          setJoined(false);
        }}
      />
    );
  } else if (room.state === 'not-yet') {
    const countdown = countdownText(room.msLeft);
    main = (
      <EmptyState title="The consultation room is not open yet" icon={<IconClock size={28} />}>
        It opens 10 minutes before the start, at {formatDateTimeIn(room.opensAt.toISOString(), zone)}
        {countdown ? ` (in ${countdown})` : ''}.
      </EmptyState>
    );
  } else {
    main = (
      <EmptyState title="The consultation room is closed" icon={<IconClock size={28} />}>
        {a.status === 'confirmed'
          ? 'It closes 30 minutes after the end of the appointment.'
          : `This appointment is ${APPOINTMENT_STATUS_LABEL[a.status].toLowerCase()}.`}
      </EmptyState>
    );
  }

  return (
    <>
      <title>{`Consultation with ${otherName} · DocTime`}</title>
      {back}
      <Stack gap="md">
        <Title order={1} size="h3">
          Consultation with {otherName}
        </Title>
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>{main}</Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              {role === 'doctor' ? <DoctorPanel appointment={a} now={now} /> : null}
              <ChatPanel appointmentId={a.id} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
