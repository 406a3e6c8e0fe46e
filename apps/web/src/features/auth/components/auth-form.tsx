import { Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import type { AuthSubmit } from '../hooks/use-auth-submit';

interface AuthFormProps {
  submit: AuthSubmit;
  submitLabel: string;
  /** Under the error's message, e.g. a link that fixes the problem. */
  alertExtra?: ReactNode;
  /** The fields. */
  children: ReactNode;
  /** Below the submit button, e.g. a secondary action. */
  after?: ReactNode;
}

/** The form of a sign-in page: server error, fields, then a full-width submit button. */
export function AuthForm({ submit, submitLabel, alertExtra, children, after }: AuthFormProps) {
  // noValidate: the zod schema checks the fields and shows its own messages.
  return (
    <form onSubmit={(event) => void submit.onSubmit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={submit.alert}>{alertExtra}</ErrorAlert>
        {children}
        <Button type="submit" fullWidth size="md" loading={submit.pending} disabled={submit.pending}>
          {submitLabel}
        </Button>
        {after}
      </Stack>
    </form>
  );
}
