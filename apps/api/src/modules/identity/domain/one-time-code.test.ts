import { describe, expect, it } from 'vitest';
import { CODE_TTL_MS, checkCode, formatCode, newCodeExpiry, type OneTimeCode } from './one-time-code.ts';

const now = new Date('2026-03-01T10:00:00Z');
const code: OneTimeCode = {
  userId: 'u1',
  purpose: 'verify-email',
  nonce: 'n',
  codeHash: 'h',
  expiresAt: newCodeExpiry(now),
};

describe('formatCode', () => {
  it('pads to six digits', () => {
    expect(formatCode(0)).toBe('000000');
    expect(formatCode(42)).toBe('000042');
    expect(formatCode(999_999)).toBe('999999');
  });

  it('refuses numbers outside the six-digit range', () => {
    expect(() => formatCode(1_000_000)).toThrow(RangeError);
    expect(() => formatCode(-1)).toThrow(RangeError);
    expect(() => formatCode(1.5)).toThrow(RangeError);
  });
});

describe('checkCode', () => {
  it('expires codes after 15 minutes', () => {
    expect(CODE_TTL_MS).toBe(15 * 60_000);
    expect(checkCode(code, new Date(now.getTime() + CODE_TTL_MS - 1), true, true)).toBe('ok');
    expect(checkCode(code, new Date(now.getTime() + CODE_TTL_MS), true, true)).toBe('expired');
  });

  it('is "missing" with no code and "too-many-attempts" without an attempt slot', () => {
    expect(checkCode(null, now, true, true)).toBe('missing');
    expect(checkCode(code, now, false, true)).toBe('too-many-attempts');
  });

  it('is "wrong" when the digest differs', () => {
    expect(checkCode(code, now, true, false)).toBe('wrong');
  });
});
