import type { Appointment, Slot } from '@doctime/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { SlotPicker } from '../../../components/slot-picker';
import { SLOT_TAKEN_MESSAGE, doctorSlotsKey, isSlotTaken } from '../../../lib/appointments';
import { formatClock, formatDateTimeIn, formatShortDateIn } from '../../../lib/date-time';
import { useRescheduleAppointment } from '../api/use-reschedule-appointment';

interface RescheduleFormProps {
  appointment: Appointment;
  timeZone: string;
  onClose: () => void;
}

function RescheduleForm({ appointment, timeZone, onClose }: RescheduleFormProps) {
  const queryClient = useQueryClient();
  const reschedule = useRescheduleAppointment();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [taken, setTaken] = useState(false);

  const confirm = () => {
    if (!slot) return;
    reschedule.mutate(
      { id: appointment.id, start: slot.start },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Appointment rescheduled' });
          onClose();
        },
        onError: (error) => {
          if (!isSlotTaken(error)) return;
          setSlot(null);
          setTaken(true);
          reschedule.reset();
          void queryClient.invalidateQueries({ queryKey: doctorSlotsKey(appointment.doctorId) });
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        Now: <strong>{formatDateTimeIn(appointment.start, timeZone)}</strong> with {appointment.doctor.name}. Pick a new time
        below; times are shown in {timeZone}.
      </Text>
      {taken ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" p="sm">
          {SLOT_TAKEN_MESSAGE}
        </Alert>
      ) : null}
      <ErrorAlert error={isSlotTaken(reschedule.error) ? null : reschedule.error} title="Not rescheduled" />
      <SlotPicker
        doctorId={appointment.doctorId}
        timeZone={timeZone}
        selectedStart={slot?.start}
        disabled={reschedule.isPending}
        onSelect={(next) => {
          setTaken(false);
          reschedule.reset();
          setSlot(next);
        }}
      />
      {slot ? (
        <Group gap={6} wrap="wrap" aria-live="polite">
          <Text size="sm" c="dimmed">
            New time:
          </Text>
          <Text size="sm" fw={600}>
            {formatShortDateIn(slot.start, timeZone)}, {formatClock(slot.start, timeZone)}
          </Text>
        </Group>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={reschedule.isPending}>
          Keep current time
        </Button>
        <Button
          onClick={confirm}
          disabled={!slot}
          loading={reschedule.isPending}
          rightSection={<IconArrowRight size={16} aria-hidden />}
        >
          Confirm new time
        </Button>
      </Group>
    </Stack>
  );
}

interface RescheduleModalProps {
  /** The appointment to move; the modal is closed while null. */
  appointment: Appointment | null;
  timeZone: string;
  onClose: () => void;
}

/** "Reschedule": the same date strip and free times as booking, then "Confirm new time". */
export function RescheduleModal({ appointment, timeZone, onClose }: RescheduleModalProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={appointment !== null}
      onClose={onClose}
      title="Reschedule appointment"
      size="lg"
      fullScreen={phone ?? false}
      centered
    >
      {appointment ? (
        <RescheduleForm key={appointment.id} appointment={appointment} timeZone={timeZone} onClose={onClose} />
      ) : null}
    </Modal>
  );
}
