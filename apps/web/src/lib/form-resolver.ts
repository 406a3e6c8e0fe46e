import type { FieldErrors, FieldValues, Resolver, ResolverOptions, ResolverResult } from 'react-hook-form';

/**
 * Validates a form with a contract schema's resolver after mapping the form's
 * values to the request shape: empty inputs become `undefined`, optional groups
 * are dropped when left blank. Errors come back on the form's own field paths,
 * so the mapping must keep the field names.
 */
export function mappedResolver<TForm extends FieldValues, TRequest extends FieldValues, TOutput>(
  resolver: Resolver<TRequest, unknown, TOutput>,
  toRequest: (values: TForm) => TRequest,
): Resolver<TForm, unknown, TOutput> {
  return async (values, context, options) => {
    const result = await resolver(toRequest(values), context, options as unknown as ResolverOptions<TRequest>);
    if (Object.keys(result.errors).length === 0) return result as ResolverResult<TForm, TOutput>;
    return { values: {}, errors: result.errors as unknown as FieldErrors<TForm> };
  };
}

/** A number from a NumberInput value ('' when empty), or undefined. */
export function numberOrUndefined(value: number | string | null | undefined): number | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}
