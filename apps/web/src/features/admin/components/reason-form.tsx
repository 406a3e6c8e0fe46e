import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useForm, type Path, type Resolver } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { useServerErrors } from '../../../lib/form-errors';

export interface ReasonValues {
  reason: string;
}

const FIELDS: readonly Path<ReasonValues>[] = ['reason'];

export interface ReasonFormProps<Body> {
  /** What will happen, above the field. */
  text: ReactNode;
  /** Checks the reason and turns it into the request body. */
  resolver: Resolver<ReasonValues, unknown, Body>;
  description?: string;
  placeholder?: string;
  confirmLabel: string;
  confirmColor: string;
  pending: boolean;
  onCancel: () => void;
  /** Sends the request; `onError` puts API field errors on the Reason field, anything else above it. */
  onSubmit: (body: Body, onError: (error: unknown) => void) => void;
}

/** A required reason for an admin action that is recorded (block) or sent to the doctor (KYC). */
export function ReasonForm<Body>({
  text,
  resolver,
  description,
  placeholder,
  confirmLabel,
  confirmColor,
  pending,
  onCancel,
  onSubmit,
}: ReasonFormProps<Body>) {
  const form = useForm<ReasonValues, unknown, Body>({ resolver, defaultValues: { reason: '' } });
  const server = useServerErrors(form.setError, FIELDS);
  const submit = form.handleSubmit((body) => {
    server.clear();
    onSubmit(body, server.handle);
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm">{text}</Text>
        <ErrorAlert error={server.alert} />
        <Textarea
          label="Reason"
          description={description}
          placeholder={placeholder}
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
          <Button type="submit" color={confirmColor} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
