import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, errorMessage, isApiError } from './api-error';

describe('apiErrorFromResponse', () => {
  it('reads the API’s error body', () => {
    const error = apiErrorFromResponse(400, {
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Check the highlighted fields',
        details: { fieldErrors: { email: ['Enter an e-mail address'], 'clinic.city': ['Enter the city', 'Too long'] } },
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 400,
      code: 'VALIDATION_ERROR',
      message: 'Check the highlighted fields',
    });
    expect(error.fieldErrors).toEqual({ email: ['Enter an e-mail address'], 'clinic.city': ['Enter the city', 'Too long'] });
    expect(error.details).toHaveProperty('fieldErrors');
  });

  it('keeps only non-empty string messages, a lone string as a list', () => {
    const error = apiErrorFromResponse(400, {
      error: {
        code: 'VALIDATION_ERROR',
        message: 'x',
        details: { fieldErrors: { a: 'One', b: ['', 7, 'Two', null], c: [], d: 5 } },
      },
    });
    expect(error.fieldErrors).toEqual({ a: ['One'], b: ['Two'] });
    expect(
      apiErrorFromResponse(400, { error: { code: 'X', message: 'x', details: { fieldErrors: ['a'] } } }).fieldErrors,
    ).toEqual({});
  });

  it('falls back to a message for the status when the body is not an API error', () => {
    const cases: [number, unknown, string][] = [
      [401, undefined, 'Your session has ended. Please log in again.'],
      [403, '<html>Forbidden</html>', 'You are not allowed to do that.'],
      [404, { error: 'Not Found' }, 'We could not find what you were looking for.'],
      [429, { error: { message: '' } }, 'Too many attempts. Please wait a moment and try again.'],
      [502, null, 'Something went wrong on our side. Please try again.'],
      [418, [], 'The request failed (418).'],
    ];
    for (const [status, body, message] of cases) {
      const error = apiErrorFromResponse(status, body);
      expect(error).toMatchObject({ status, code: 'UNEXPECTED_RESPONSE', message, fieldErrors: {}, details: {} });
    }
  });

  it('keeps a code even without a message', () => {
    expect(apiErrorFromResponse(409, { error: { code: 'SLOT_UNAVAILABLE' } })).toMatchObject({
      code: 'SLOT_UNAVAILABLE',
      message: 'The request failed (409).',
    });
  });
});

describe('errorMessage', () => {
  it('uses an error’s own message, else a generic sentence', () => {
    expect(errorMessage(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'Cannot reach DocTime.' }))).toBe(
      'Cannot reach DocTime.',
    );
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    for (const value of [new Error(''), 'text', undefined, { message: 'not an Error' }]) {
      expect(errorMessage(value)).toBe('Something went wrong. Please try again.');
    }
  });
});
