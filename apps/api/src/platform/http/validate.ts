import { fieldErrorsOf } from '@doctime/contracts';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';

/** Parses input with a contract schema; a 400 with field messages when it does not fit. */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw AppError.validation(fieldErrorsOf(result.error));
  return result.data;
}
