import { describe, expect, it } from 'vitest';
import { delayAfterAttempt, loginThrottleKey } from './login-throttle.ts';

const policy = { freeAttempts: 5, maxDelaySeconds: 900 };

describe('delayAfterAttempt', () => {
  it('lets the free attempts pass at once, then doubles from 1 s', () => {
    const delays = Array.from({ length: 10 }, (_, i) => delayAfterAttempt(i + 1, policy));
    expect(delays).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32]);
  });

  it('never exceeds the cap, even for absurd counts', () => {
    expect(delayAfterAttempt(14, policy)).toBe(512);
    expect(delayAfterAttempt(15, policy)).toBe(900);
    expect(delayAfterAttempt(5_000, policy)).toBe(900);
  });

  it('never decreases', () => {
    for (let n = 1; n < 200; n++) {
      expect(delayAfterAttempt(n + 1, policy)).toBeGreaterThanOrEqual(delayAfterAttempt(n, policy));
    }
  });

  it('with one free attempt, the very first one already closes the gate for 1 s', () => {
    expect(delayAfterAttempt(1, { freeAttempts: 1, maxDelaySeconds: 60 })).toBe(1);
    expect(delayAfterAttempt(2, { freeAttempts: 1, maxDelaySeconds: 60 })).toBe(2);
  });
});

describe('loginThrottleKey', () => {
  it('separates the same account seen from different addresses', () => {
    expect(loginThrottleKey('ada@example.com', '10.0.0.1')).not.toBe(loginThrottleKey('ada@example.com', '10.0.0.2'));
    expect(loginThrottleKey('ada@example.com', '10.0.0.1')).not.toBe(loginThrottleKey('bob@example.com', '10.0.0.1'));
  });
});
