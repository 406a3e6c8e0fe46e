import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/api-error';

interface ErrorAlertProps {
  /** Anything thrown; an ApiError shows the API's message. Nothing renders for null. */
  error: unknown;
  title?: string;
  /** Extra content under the message, e.g. a link to fix the problem. */
  children?: ReactNode;
}

/** The message of a failed request, announced to screen readers. */
export function ErrorAlert({ error, title, children }: ErrorAlertProps) {
  if (error === null || error === undefined) return null;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />} role="alert">
      {errorMessage(error)}
      {children}
    </Alert>
  );
}
