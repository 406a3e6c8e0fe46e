import { KycDecisionRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm, type Path } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { useServerErrors } from '../../../lib/form-errors';
import type { SchemaInput } from '../../../lib/schema-types';
import type { KycDecisionBody } from '../api/use-kyc-decision';

export type ReasonDecision = 'reject' | 'resubmit';
type DecisionFormValues = SchemaInput<typeof KycDecisionRequest>;

const FIELDS: readonly Path<DecisionFormValues>[] = ['reason'];

const COPY: Record<ReasonDecision, { title: string; text: string; placeholder: string; color: string }> = {
  reject: {
    title: 'Reject this application?',
    text: 'The doctor will not be listed. Tell them why; they will read this.',
    placeholder: 'e.g. The licence number does not match the council register.',
    color: 'red',
  },
  resubmit: {
    title: 'Ask for resubmission?',
    text: 'The doctor can correct their details or documents and submit again. Tell them what to fix.',
    placeholder: 'e.g. The identity document is blurred; please upload a clearer scan.',
    color: 'orange',
  },
};

interface ReasonFormProps {
  decision: ReasonDecision;
  pending: boolean;
  onCancel: () => void;
  /** Sends the decision; `onError` puts API field errors on the Reason field. */
  onSubmit: (body: KycDecisionBody, onError: (error: unknown) => void) => void;
}

function ReasonForm({ decision, pending, onCancel, onSubmit }: ReasonFormProps) {
  const form = useForm<DecisionFormValues, unknown, KycDecisionBody>({
    resolver: zodResolver(KycDecisionRequest),
    defaultValues: { decision, reason: '' },
  });
  const server = useServerErrors(form.setError, FIELDS);
  const submit = form.handleSubmit((values) => {
    server.clear();
    onSubmit(values, server.handle);
  });

  const copy = COPY[decision];
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm">{copy.text}</Text>
        <ErrorAlert error={server.alert} />
        <Textarea
          label="Reason"
          placeholder={copy.placeholder}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={1000}
          required
          data-autofocus
          error={form.formState.errors.reason?.message}
          {...form.register('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" color={copy.color} loading={pending}>
            Confirm
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface ReasonModalProps extends Omit<ReasonFormProps, 'decision' | 'onCancel'> {
  decision: ReasonDecision | null;
  onClose: () => void;
}

/** Reject, or ask for resubmission: both need a reason the doctor will read. */
export function ReasonModal({ decision, onClose, pending, onSubmit }: ReasonModalProps) {
  return (
    <Modal opened={decision !== null} onClose={onClose} title={decision ? COPY[decision].title : ''} centered>
      {decision ? <ReasonForm key={decision} decision={decision} pending={pending} onCancel={onClose} onSubmit={onSubmit} /> : null}
    </Modal>
  );
}
