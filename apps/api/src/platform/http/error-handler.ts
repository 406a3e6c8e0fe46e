import { errorStatus, type ErrorBody } from '@doctime/contracts';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../app-error.ts';

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
};

/**
 * Maps every error to API.md's shape; unknown errors become a bare 500 with no
 * internals. An error that knows when a retry may succeed (RATE_LIMITED, or a
 * 409 for a request still being processed) gets the `Retry-After` header here,
 * so use cases and middleware need no HTTP knowledge.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  if (appError.code === 'INTERNAL') req.log?.error({ err }, 'unhandled error');
  const retryAfter = appError.details?.['retryAfterSeconds'];
  if (typeof retryAfter === 'number' && retryAfter > 0) {
    res.setHeader('Retry-After', String(Math.ceil(retryAfter)));
  }
  const body: ErrorBody = {
    error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) },
  };
  res.status(errorStatus[appError.code]).json(body);
};

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const type = (err as { type?: string } | null)?.type;
  // body-parser's own errors: malformed JSON and oversized bodies.
  if (type === 'entity.parse.failed') {
    return AppError.validation({ _: ['The body is not valid JSON'] }, 'The body is not valid JSON');
  }
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'The body is larger than 1 MB');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return AppError.validation({ _: ['Unsupported body encoding'] }, 'Unsupported body encoding');
  }
  return new AppError('INTERNAL', 'Something went wrong on our side. Please try again.');
}
