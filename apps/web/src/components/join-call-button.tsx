import type { Appointment } from '@doctime/contracts';
import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { IconVideo } from '@tabler/icons-react';
import { Link } from 'react-router';
import { consultationRoomPath } from '../lib/appointments';
import { callWindowState, countdownText } from '../lib/call-window';
import { useNow } from '../lib/use-now';

/**
 * "Join consultation" for a confirmed appointment: a link to its room while the room is
 * open (10 minutes before the start to 30 after the end), disabled with a countdown before
 * it opens, absent otherwise.
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
  if (window.state === 'open') {
    return (
      <Button
        component={Link}
        to={consultationRoomPath(role, appointment.id)}
        color="teal"
        size={size}
        leftSection={<IconVideo size={16} aria-hidden />}
      >
        Join consultation
      </Button>
    );
  }
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
