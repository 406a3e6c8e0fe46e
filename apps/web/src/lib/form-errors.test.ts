import type { Path, UseFormSetError } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiErrorFromResponse } from './api-error';
import { applyFieldErrors, firstErrorMessage } from './form-errors';

interface ProfileForm {
  email: string;
  password: string;
  clinic: { city: string };
}

const FIELDS: readonly Path<ProfileForm>[] = ['email', 'password', 'clinic.city'];

function validationError(fieldErrors: Record<string, string[]>) {
  return new ApiError({ status: 400, code: 'VALIDATION_ERROR', message: 'Check the highlighted fields', fieldErrors });
}

describe('applyFieldErrors', () => {
  it('puts each known field’s messages on the field and focuses only the first', () => {
    const setError = vi.fn<UseFormSetError<ProfileForm>>();
    const error = validationError({
      'clinic.city': ['Enter the city'],
      password: ['Use at least 10 characters', 'Avoid common passwords'],
    });
    expect(applyFieldErrors<ProfileForm>(error, setError, FIELDS)).toBe(true);
    // In the order of `fields`, not of the response.
    expect(setError.mock.calls).toEqual([
      ['password', { type: 'server', message: 'Use at least 10 characters Avoid common passwords' }, { shouldFocus: true }],
      ['clinic.city', { type: 'server', message: 'Enter the city' }, { shouldFocus: false }],
    ]);
  });

  it('reads field errors as the API sends them', () => {
    const setError = vi.fn<UseFormSetError<ProfileForm>>();
    const error = apiErrorFromResponse(409, {
      error: {
        code: 'EMAIL_TAKEN',
        message: 'That e-mail is in use',
        details: { fieldErrors: { email: 'That e-mail is in use' } },
      },
    });
    expect(applyFieldErrors<ProfileForm>(error, setError, FIELDS)).toBe(true);
    expect(setError).toHaveBeenCalledExactlyOnceWith(
      'email',
      { type: 'server', message: 'That e-mail is in use' },
      { shouldFocus: true },
    );
  });

  it('returns false, touching nothing, when no listed field has a message', () => {
    const setError = vi.fn<UseFormSetError<ProfileForm>>();
    expect(
      applyFieldErrors<ProfileForm>(validationError({ role: ['Not allowed'], _: ['Bad body'], email: [] }), setError, FIELDS),
    ).toBe(false);
    expect(applyFieldErrors<ProfileForm>(validationError({}), setError, FIELDS)).toBe(false);
    expect(applyFieldErrors<ProfileForm>(validationError({ email: ['Taken'] }), setError, [])).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });

  it('ignores anything that is not an ApiError', () => {
    const setError = vi.fn<UseFormSetError<ProfileForm>>();
    const lookalike = { name: 'ApiError', message: 'x', fieldErrors: { email: ['Taken'] } };
    for (const error of [new Error('offline'), 'boom', null, undefined, lookalike]) {
      expect(applyFieldErrors<ProfileForm>(error, setError, FIELDS)).toBe(false);
    }
    expect(setError).not.toHaveBeenCalled();
  });
});

describe('firstErrorMessage', () => {
  it('finds nothing in nothing', () => {
    for (const value of [undefined, null, '', 'text', 42, {}, []]) expect(firstErrorMessage(value)).toBeUndefined();
  });

  it('prefers the node’s own message', () => {
    expect(firstErrorMessage({ type: 'too_small', message: 'Add at least one', 0: { message: 'Too long' } })).toBe(
      'Add at least one',
    );
  });

  it('looks into array items and nested fields', () => {
    expect(firstErrorMessage([undefined, { type: 'too_big', message: 'Too long' }, { message: 'Also too long' }])).toBe(
      'Too long',
    );
    expect(firstErrorMessage({ clinic: { name: undefined, city: { type: 'required', message: 'Enter the city' } } })).toBe(
      'Enter the city',
    );
  });

  it('skips empty messages and the ref, type and types keys', () => {
    expect(firstErrorMessage({ message: '', 1: { message: 'Second item' } })).toBe('Second item');
    expect(firstErrorMessage({ type: { message: 'no' }, types: { message: 'no' }, ref: { message: 'no' } })).toBeUndefined();
    expect(firstErrorMessage({ message: 42 })).toBeUndefined();
  });
});
