import { useCallback, useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api-error';

/**
 * Copies an ApiError's `details.fieldErrors` onto the matching form fields and
 * focuses the first one. Returns true when at least one field got a message;
 * callers show the error's message in an alert otherwise.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!isApiError(error)) return false;
  let applied = false;
  for (const field of fields) {
    const messages = error.fieldErrors[field];
    if (!messages?.length) continue;
    setError(field, { type: 'server', message: messages.join(' ') }, { shouldFocus: !applied });
    applied = true;
  }
  return applied;
}

/**
 * Keeps the error to show above a form: field errors go onto their fields,
 * anything else (wrong password, rate limit, blocked account...) into `alert`.
 */
export function useServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, fields: readonly Path<T>[]) {
  // Pass `fields` as a module-level constant so `handle` stays stable.
  const [alert, setAlert] = useState<unknown>(null);
  const handle = useCallback(
    (error: unknown) => setAlert(applyFieldErrors(error, setError, fields) ? null : error),
    [setError, fields],
  );
  const clear = useCallback(() => setAlert(null), []);
  return { alert, handle, clear };
}

interface ErrorNode {
  message?: unknown;
  [key: string]: unknown;
}

/**
 * The first message in an error subtree: for an array field (TagsInput) the
 * array's own message ("Add at least one") or the first item's ("too long").
 */
export function firstErrorMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const node = error as ErrorNode;
  if (typeof node.message === 'string' && node.message) return node.message;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ref' || key === 'type' || key === 'types') continue;
    const message = firstErrorMessage(value);
    if (message) return message;
  }
  return undefined;
}
