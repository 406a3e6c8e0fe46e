import type { ErrorCode } from '@doctime/contracts';

/** The one error type use cases throw; the error middleware maps `code` to a status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  static validation(fieldErrors: Record<string, string[]>, message = 'Some fields are not valid'): AppError {
    return new AppError('VALIDATION_FAILED', message, { fieldErrors });
  }
}
