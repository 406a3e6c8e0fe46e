import type { ErrorCode } from '@doctime/contracts';

/** Codes the client adds for failures that never reached (or never came back from) the API. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

export interface ApiErrorInit {
  status: number;
  code: ErrorCode | ClientErrorCode | (string & {});
  message: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
}

/** Every failed API call rejects with this: the parsed `{error: {code, message, details}}` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorInit['code'];
  readonly fieldErrors: Record<string, string[]>;
  readonly details: Record<string, unknown>;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? {};
    this.details = init.details ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A sentence a person can read for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Please log in again.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'We could not find what you were looking for.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return `The request failed (${status}).`;
}

function toFieldErrors(value: unknown): Record<string, string[]> {
  if (!isRecord(value)) return {};
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter(
      (m): m is string => typeof m === 'string' && m.length > 0,
    );
    if (list.length) out[field] = list;
  }
  return out;
}

/** Reads the API's error body tolerantly: a proxy or crash may answer with anything. */
export function apiErrorFromResponse(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const details = isRecord(error?.details) ? error.details : undefined;
  return new ApiError({
    status,
    code: typeof error?.code === 'string' ? error.code : 'UNEXPECTED_RESPONSE',
    message: typeof error?.message === 'string' && error.message ? error.message : fallbackMessage(status),
    fieldErrors: toFieldErrors(details?.fieldErrors),
    ...(details ? { details } : {}),
  });
}
