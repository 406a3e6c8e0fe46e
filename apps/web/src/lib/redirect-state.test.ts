import type { Location } from 'react-router';
import { describe, expect, it } from 'vitest';
import { pathOf, readRedirectState } from './redirect-state';

const at = (state: unknown): Location => ({ pathname: '/login', search: '', hash: '', state, key: 'k' });

describe('readRedirectState', () => {
  it('reads the page and e-mail carried to the sign-in page', () => {
    expect(readRedirectState(at({ from: '/patient/appointments', email: 'a@example.test' }))).toEqual({
      from: '/patient/appointments',
      email: 'a@example.test',
    });
  });

  it('keeps only string fields and ignores other state', () => {
    expect(readRedirectState(at({ from: 42, email: 'a@example.test', other: 'x' }))).toEqual({ email: 'a@example.test' });
    for (const state of [null, undefined, 'from', 7]) expect(readRedirectState(at(state))).toEqual({});
  });
});

describe('pathOf', () => {
  it('joins path, search and hash', () => {
    expect(pathOf({ pathname: '/doctor', search: '?tab=kyc', hash: '#docs' })).toBe('/doctor?tab=kyc#docs');
    expect(pathOf({ pathname: '/', search: '', hash: '' })).toBe('/');
  });
});
