import type { Appointment } from '@doctime/contracts';
import { Badge, Button, Group, Text, type ButtonProps } from '@mantine/core';
import { IconVideo } from '@tabler/icons-react';
import { Link } from 'react-router';
import { consultationRoomPath, useAppointment } from '../lib/appointments';
import { callWindowState, countdownText } from '../lib/call-window';
import { useNow } from '../lib/use-now';
import { useOtherInCall } from '../lib/use-other-in-call';

/**
 * "Join consultation" for a confirmed appointment: a link to its room while the room is
 * open (10 minutes before the start to 30 after the end), disabled with a countdown before
 * it opens, absent otherwise. While open it says when the other side is already in the room.
 */
export function JoinCallButton({
  appointment,
  role,
  size = 'sm',
}: {
  appointment: Pick<Appointment, 'id' | 'status' | 'start' | 'end'>;
  role: 'patient' | 'doctor';
  size?: ButtonProps['size'];
}) {
  const now = useNow(1_000);
  const window = callWindowState(appointment, new Date(now));
  if (window.state === 'closed') return null;
  if (window.state === 'open') return <OpenJoinButton appointmentId={appointment.id} role={role} size={size} />;
  const countdown = countdownText(window.msLeft);
  if (!countdown) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size={size} disabled leftSection={<IconVideo size={16} aria-hidden />} aria-describedby={`opens-${appointment.id}`}>
        Join consultation
      </Button>
      <Text size="xs" c="dimmed" id={`opens-${appointment.id}`} aria-live="off">
        Opens in {countdown}
      </Text>
    </Group>
  );
}

function OpenJoinButton({
  appointmentId,
  role,
  size,
}: {
  appointmentId: string;
  role: 'patient' | 'doctor';
  size: ButtonProps['size'];
}) {
  // The appointment's record says who is in the call now (lists do not carry it); events say who comes and goes.
  const record = useAppointment(appointmentId);
  const otherSide = role === 'patient' ? 'doctor' : 'patient';
  const otherIn = useOtherInCall(appointmentId, !!record.data?.consultation?.present.includes(otherSide));
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        component={Link}
        to={consultationRoomPath(role, appointmentId)}
        color="teal"
        size={size}
        leftSection={<IconVideo size={16} aria-hidden />}
      >
        Join consultation
      </Button>
      {otherIn && (
        <Badge color="teal" variant="light" role="status">
          {role === 'doctor' ? 'Patient waiting' : 'Doctor is in the room'}
        </Badge>
      )}
    </Group>
  );
}
