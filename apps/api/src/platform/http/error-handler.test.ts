import type { Request, Response } from 'express';
import { MongoBulkWriteError, MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { errorHandler } from './error-handler.ts';

/** The error handler's answer to `err`: status, Retry-After and error code. */
function answer(err: unknown) {
  const out: { status?: number; retryAfter?: string; code?: string } = {};
  const res = {
    setHeader: (name: string, value: string) => name === 'Retry-After' && (out.retryAfter = value),
    status(code: number) {
      out.status = code;
      return this;
    },
    json: (body: { error: { code: string } }) => (out.code = body.error.code),
  };
  errorHandler(err, {} as Request, res as unknown as Response, () => {});
  return out;
}

const unavailable = { status: 503, retryAfter: '5', code: 'SERVICE_UNAVAILABLE' };

describe('errors of the database', () => {
  it.each([
    ['a closed connection', new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed')],
    ['no server to select', new MongoServerSelectionError('Server selection timed out after 5000 ms', {} as never)],
    ['a closed connection during insertMany', new MongoBulkWriteError(new MongoNetworkError('connection closed'), {} as never)],
  ])('answers %s with 503 and Retry-After: the request may succeed shortly', (_name, err) => {
    expect(answer(err)).toEqual(unavailable);
  });

  it('answers a server error and an unknown error with a bare 500', () => {
    expect(answer(new MongoServerError({ message: 'bad', code: 2 }))).toEqual({ status: 500, code: 'INTERNAL' });
    expect(answer(new Error('bug'))).toEqual({ status: 500, code: 'INTERNAL' });
  });
});
