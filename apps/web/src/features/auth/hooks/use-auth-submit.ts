import type { BaseSyntheticEvent } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useServerErrors } from '../../../lib/form-errors';

/** The part of a TanStack mutation the form needs. */
interface Mutation<Body, Data> {
  mutate: (body: Body, options: { onSuccess: (data: Data) => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

export interface AuthSubmit {
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** The API error to show above the form; null when none or when it went onto the fields. */
  alert: unknown;
  clear: () => void;
  handle: (error: unknown) => void;
  pending: boolean;
}

/**
 * Sends a valid form through its mutation. API field errors land on `fields`,
 * anything else (wrong password, rate limit...) in `alert`, cleared on the next try.
 */
export function useAuthSubmit<Values extends FieldValues, Body, Data>(
  form: UseFormReturn<Values, unknown, Body>,
  fields: readonly Path<Values>[],
  mutation: Mutation<Body, Data>,
  onSuccess: (data: Data, body: Body) => void,
): AuthSubmit {
  const server = useServerErrors(form.setError, fields);
  const onSubmit = form.handleSubmit((body) => {
    server.clear();
    mutation.mutate(body, { onSuccess: (data) => onSuccess(data, body), onError: server.handle });
  });
  return { ...server, onSubmit, pending: mutation.isPending };
}
