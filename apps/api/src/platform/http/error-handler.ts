import { errorStatus, type ErrorBody } from '@doctime/contracts';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MongoBulkWriteError, MongoNetworkError, MongoServerSelectionError } from 'mongodb';
import { AppError } from '../app-error.ts';

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
};

/**
 * Refuses a path that is not valid percent-encoding (`/%`, `/doctors/%E0%A4%A`)
 * before any router or the static files see it; the error table answers 400.
 */
export const requireDecodablePath: RequestHandler = (req, _res, next) => {
  decodeURIComponent(req.path); // throws URIError
  next();
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
  if (appError.code === 'SERVICE_UNAVAILABLE') req.log?.warn({ err }, 'a dependency is unavailable');
  const retryAfter = appError.details?.['retryAfterSeconds'];
  if (typeof retryAfter === 'number' && retryAfter > 0) {
    res.setHeader('Retry-After', String(Math.ceil(retryAfter)));
  }
  const body: ErrorBody = {
    error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) },
  };
  res.status(errorStatus[appError.code]).json(body);
};

/** What body-parser, the router and `decodeURIComponent` throw (http-errors adds `status`, `type`, `expose`). */
interface LowerLevelError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
}

const unreadable = (message: string) => () => AppError.validation({ _: [message] }, message);

/** The one table of errors that are the client's fault but not thrown as AppErrors; the first match wins. */
const clientErrors: [matches: (e: LowerLevelError) => boolean, toAppError: () => AppError][] = [
  [(e) => e.type === 'entity.parse.failed', unreadable('The body is not valid JSON')],
  [(e) => e.type === 'entity.too.large', () => new AppError('PAYLOAD_TOO_LARGE', 'The body is larger than 1 MB')],
  [(e) => e.type === 'encoding.unsupported' || e.type === 'charset.unsupported', unreadable('Unsupported body encoding')],
  [(e) => e.type === 'request.size.invalid', unreadable('The body is shorter or longer than its Content-Length')],
  // A path with malformed percent-encoding (requireDecodablePath, or the router decoding a parameter).
  [(e) => e instanceof URIError, unreadable('The address is not valid percent-encoding')],
  // Any other error body-parser marks as the client's (a gzip, deflate or br body that does not inflate).
  [(e) => e.expose === true && e.status === 400, unreadable('The body could not be read; check its Content-Encoding')],
];

/** The database cannot be reached (down, paused, restarting): the request may succeed shortly. */
function dependencyDown(err: unknown): boolean {
  if (err instanceof MongoNetworkError || err instanceof MongoServerSelectionError) return true;
  // insertMany wraps a network failure in a MongoBulkWriteError by copying its fields (no `cause`):
  // no write error and no server error code means the database never answered.
  return err instanceof MongoBulkWriteError && [err.writeErrors].flat().length === 0 && err.code === undefined;
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (dependencyDown(err)) {
    return new AppError('SERVICE_UNAVAILABLE', 'The service is briefly unavailable. Please try again in a few seconds.', {
      retryAfterSeconds: 5,
    });
  }
  const lowerLevel = (typeof err === 'object' && err !== null ? err : {}) as LowerLevelError;
  const known = clientErrors.find(([matches]) => matches(lowerLevel));
  return known ? known[1]() : new AppError('INTERNAL', 'Something went wrong on our side. Please try again.');
}
