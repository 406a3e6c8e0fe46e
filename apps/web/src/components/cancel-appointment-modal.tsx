import { CancelAppointmentRequest, type Appointment } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useCancelAppointment } from '../lib/appointments';
import { useServerErrors } from '../lib/form-errors';
import type { SchemaInput, SchemaOutput } from '../lib/schema-types';
import { ErrorAlert } from './error-alert';

type CancelFormValues = SchemaInput<typeof CancelAppointmentRequest>;
type CancelBody = SchemaOutput<typeof CancelAppointmentRequest>;
const FIELDS: readonly Path<CancelFormValues>[] = ['reason'];
const REASON_MAX = 500;

interface CancelFormProps {
  appointment: Appointment;
  summary: ReactNode;
  policy: ReactNode;
  placeholder: string;
  onClose: () => void;
  onCancelled: ((appointment: Appointment) => void) | undefined;
}

function CancelForm({ appointment, summary, policy, placeholder, onClose, onCancelled }: CancelFormProps) {
  const cancel = useCancelAppointment();
  const form = useForm<CancelFormValues, unknown, CancelBody>({
    resolver: zodResolver(CancelAppointmentRequest),
    defaultValues: { reason: '' },
  });
  const server = useServerErrors(form.setError, FIELDS);

  const submit = form.handleSubmit((values) => {
    server.clear();
    cancel.mutate(
      { id: appointment.id, reason: values.reason },
      {
        onSuccess: (data) => {
          notifications.show({ color: 'teal', message: 'Appointment cancelled' });
          onCancelled?.(data.appointment);
          onClose();
        },
        onError: server.handle,
      },
    );
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm">{summary}</Text>
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} p="sm">
          <Text size="sm">{policy}</Text>
        </Alert>
        <ErrorAlert error={server.alert} title="The appointment was not cancelled" />
        <Textarea
          label="Reason"
          description="The other side will read this."
          placeholder={placeholder}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={REASON_MAX}
          required
          data-autofocus
          error={form.formState.errors.reason?.message}
          {...form.register('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={cancel.isPending}>
            Keep appointment
          </Button>
          <Button type="submit" color="red" loading={cancel.isPending}>
            Cancel appointment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface CancelAppointmentModalProps {
  /** The appointment to cancel; the modal is closed while null. */
  appointment: Appointment | null;
  onClose: () => void;
  /** "Your appointment with Dr X on …". */
  summary: (appointment: Appointment) => ReactNode;
  /** The policy line, e.g. "You can cancel until …". */
  policy: (appointment: Appointment) => ReactNode;
  placeholder?: string;
  onCancelled?: (appointment: Appointment) => void;
}

/** "Cancel this appointment?" with the policy, a required reason and "Cancel appointment". */
export function CancelAppointmentModal({
  appointment,
  onClose,
  summary,
  policy,
  placeholder = 'e.g. I am feeling better',
  onCancelled,
}: CancelAppointmentModalProps) {
  return (
    <Modal opened={appointment !== null} onClose={onClose} title="Cancel this appointment?" centered>
      {appointment ? (
        <CancelForm
          key={appointment.id}
          appointment={appointment}
          summary={summary(appointment)}
          policy={policy(appointment)}
          placeholder={placeholder}
          onClose={onClose}
          onCancelled={onCancelled}
        />
      ) : null}
    </Modal>
  );
}
