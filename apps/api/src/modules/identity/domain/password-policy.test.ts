import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';

describe('passwordProblems', () => {
  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblems('violet tractor sings 42')).toEqual([]);
  });

  it('requires at least 10 and at most 128 characters', () => {
    expect(passwordProblems('Ab3$efgh9')).toEqual(['Use at least 10 characters']);
    expect(passwordProblems('a'.repeat(9) + 'b'.repeat(120))).toEqual(['Use at most 128 characters']);
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblems('password123')[0]).toMatch(/too common/);
    expect(passwordProblems('QWERTYUIOP')[0]).toMatch(/too common/);
    expect(passwordProblems('1234567890')[0]).toMatch(/too common/);
  });

  it('refuses one repeated character', () => {
    expect(passwordProblems('zzzzzzzzzzzz')).toContain('Do not repeat one character');
  });

  it('refuses a password containing the e-mail name', () => {
    expect(passwordProblems('my-jonathan-secret', { email: 'jonathan@example.com' })).toContain(
      'Do not use your e-mail address in the password',
    );
    expect(passwordProblems('my-jo-secret-words', { email: 'jo@example.com' })).toEqual([]);
  });
});
