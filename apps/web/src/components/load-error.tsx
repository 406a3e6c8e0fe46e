import { Button } from '@mantine/core';
import { ErrorAlert } from './error-alert';

interface LoadErrorProps {
  error: unknown;
  /** Shown as the alert's title. */
  title?: string;
  onRetry?: () => void;
}

/** A failed load, with a "Try again" button. */
export function LoadError({ error, title = 'Could not load this page', onRetry }: LoadErrorProps) {
  return (
    <ErrorAlert error={error} title={title}>
      {onRetry ? (
        <div>
          <Button size="xs" variant="white" color="red" mt="sm" onClick={onRetry}>
            Try again
          </Button>
        </div>
      ) : null}
    </ErrorAlert>
  );
}
