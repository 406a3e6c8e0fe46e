import { PASSWORD_MIN_LENGTH } from '@doctime/contracts';
import { describe, expect, it } from 'vitest';
import { passwordStrength } from './password-strength';

describe('passwordStrength', () => {
  it('grows from 0 to 25 while too short', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordStrength('')).toEqual({ score: 0, label: 'Too short', color: 'red' });
    expect(passwordStrength('Ab1!')).toEqual({ score: 10, label: 'Too short', color: 'red' });
    expect(passwordStrength('Xy7$kQ2#pL'.slice(0, 9))).toEqual({ score: 23, label: 'Too short', color: 'red' });
  });

  it('calls repeated characters and common starts weak, whatever the case', () => {
    const weak = { score: 30, label: 'Weak', color: 'orange' };
    expect(passwordStrength('aaaaaaaaaa')).toEqual(weak);
    expect(passwordStrength('!!!!!!!!!!!!!!!!!!!!!!!!')).toEqual(weak);
    expect(passwordStrength('Password123!')).toEqual(weak);
    expect(passwordStrength('QWERTYuiop9$')).toEqual(weak);
    expect(passwordStrength('1234567890ab')).toEqual(weak);
    expect(passwordStrength('DocTime2026!')).toEqual(weak);
  });

  it('only looks for the common words at the start', () => {
    expect(passwordStrength('my-Password-1').label).not.toBe('Weak');
    expect(passwordStrength('aaaaaaaaab').label).not.toBe('Weak');
  });

  it('rates by kinds of character and length', () => {
    expect(passwordStrength('correcthor')).toEqual({ score: 45, label: 'Fair', color: 'yellow' });
    expect(passwordStrength('correctHorse')).toEqual({ score: 45, label: 'Fair', color: 'yellow' });
    expect(passwordStrength('correctHorse7')).toEqual({ score: 75, label: 'Good', color: 'teal' });
    expect(passwordStrength('correctHorse7!')).toEqual({ score: 100, label: 'Strong', color: 'green' });
    // Length alone adds a point at 14 and another at 20 characters.
    expect(passwordStrength('correcthorsebatt').label).toBe('Fair');
    expect(passwordStrength('correcthorsebatterystaple').label).toBe('Good');
    expect(passwordStrength('correct horse battery staple').label).toBe('Good');
    expect(passwordStrength('Correct horse battery staple').label).toBe('Strong');
  });
});
