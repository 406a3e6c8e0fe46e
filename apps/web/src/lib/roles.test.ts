import { describe, expect, it } from 'vitest';
import { ACCOUNT_PATH, afterLogoutPathFor, canVisit, homePathFor, loginPathFor, postLoginPath } from './roles';

describe('role paths', () => {
  it('sends each role to its dashboard and login page', () => {
    expect([homePathFor('patient'), homePathFor('doctor'), homePathFor('admin')]).toEqual(['/patient', '/doctor', '/admin']);
    expect([loginPathFor('patient'), loginPathFor('doctor'), loginPathFor('admin')]).toEqual([
      '/login',
      '/login',
      '/admin/login',
    ]);
    expect([afterLogoutPathFor('patient'), afterLogoutPathFor('doctor'), afterLogoutPathFor('admin')]).toEqual([
      '/',
      '/',
      '/admin/login',
    ]);
  });
});

describe('canVisit', () => {
  it('allows the role’s own section and the account page', () => {
    expect(canVisit('doctor', '/doctor')).toBe(true);
    expect(canVisit('doctor', '/doctor/availability')).toBe(true);
    expect(canVisit('patient', ACCOUNT_PATH)).toBe(true);
    expect(canVisit('admin', ACCOUNT_PATH)).toBe(true);
  });

  it('refuses other sections and look-alike prefixes', () => {
    expect(canVisit('patient', '/doctor')).toBe(false);
    expect(canVisit('doctor', '/admin/users')).toBe(false);
    expect(canVisit('patient', '/patients')).toBe(false);
    expect(canVisit('patient', '/account/other')).toBe(false);
    expect(canVisit('patient', '')).toBe(false);
  });
});

describe('postLoginPath', () => {
  it('returns to the page the user came from when it is theirs, query and hash kept', () => {
    expect(postLoginPath('patient', '/patient/appointments?scope=past#top')).toBe('/patient/appointments?scope=past#top');
    expect(postLoginPath('doctor', '/account')).toBe('/account');
  });

  it('goes to the dashboard otherwise', () => {
    expect(postLoginPath('patient', undefined)).toBe('/patient');
    expect(postLoginPath('patient', '')).toBe('/patient');
    expect(postLoginPath('patient', '/doctor/availability')).toBe('/patient');
    expect(postLoginPath('patient', '//evil.example/patient')).toBe('/patient');
    expect(postLoginPath('patient', 'https://evil.example/patient')).toBe('/patient');
    expect(postLoginPath('admin', '/admin/login')).toBe('/admin');
    expect(postLoginPath('admin', '/admin/login?next=1')).toBe('/admin');
  });
});
