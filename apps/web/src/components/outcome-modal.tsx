import type { Appointment } from '@doctime/contracts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorAlert } from './error-alert';
import { useRecordOutcome, type Outcome } from '../lib/appointments';
import { formatDateTimeIn } from '../lib/date-time';

export interface OutcomeRequest {
  appointment: Appointment;
  outcome: Outcome;
}

const COPY: Record<Outcome, { title: string; text: string; done: string; color: string }> = {
  completed: {
    title: 'Mark as completed?',
    text: 'The consultation took place. This cannot be undone.',
    done: 'Marked completed',
    color: 'green',
  },
  no_show: {
    title: 'Mark as a no-show?',
    text: 'The patient did not join the consultation. This cannot be undone.',
    done: 'Marked as a no-show',
    color: 'orange',
  },
};

interface OutcomeModalProps {
  request: OutcomeRequest | null;
  onClose: () => void;
}

function OutcomeBody({ request, onClose }: { request: OutcomeRequest; onClose: () => void }) {
  const record = useRecordOutcome();
  const { appointment, outcome } = request;
  const copy = COPY[outcome];
  const confirm = () =>
    record.mutate(
      { id: appointment.id, outcome },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: copy.done });
          onClose();
        },
      },
    );
  return (
    <Stack gap="md">
      <Text size="sm">
        <strong>{appointment.patient.name}</strong>, {formatDateTimeIn(appointment.start, appointment.doctor.timeZone)}.{' '}
        {copy.text}
      </Text>
      <ErrorAlert error={record.error} title="Not saved" />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={record.isPending}>
          Go back
        </Button>
        <Button color={copy.color} onClick={confirm} loading={record.isPending} data-autofocus>
          Confirm
        </Button>
      </Group>
    </Stack>
  );
}

/** "Mark as completed?" / "Mark as a no-show?" with "Confirm". */
export function OutcomeModal({ request, onClose }: OutcomeModalProps) {
  return (
    <Modal opened={request !== null} onClose={onClose} title={request ? COPY[request.outcome].title : ''} centered>
      {request ? <OutcomeBody key={`${request.appointment.id}-${request.outcome}`} request={request} onClose={onClose} /> : null}
    </Modal>
  );
}
