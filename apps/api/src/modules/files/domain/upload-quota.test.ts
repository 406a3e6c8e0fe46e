import { describe, expect, it } from 'vitest';
import { decideUpload, quotaDay } from './upload-quota.ts';

const limits = { count: 3, bytes: 1000 };
const now = new Date('2026-03-01T23:59:00.500Z');

describe('upload quota', () => {
  it('counts uploads against the UTC day', () => {
    expect(quotaDay(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
    expect(quotaDay(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02');
  });

  it('gives the next place the running byte total', () => {
    expect(decideUpload({ n: 0, bytes: 0 }, 400, limits, now)).toEqual({ allowed: true, place: { n: 1, bytes: 400 } });
    expect(decideUpload({ n: 2, bytes: 600 }, 400, limits, now)).toEqual({ allowed: true, place: { n: 3, bytes: 1000 } });
  });

  it('refuses past either limit, retrying when the next UTC day starts', () => {
    expect(decideUpload({ n: 3, bytes: 10 }, 1, limits, now)).toEqual({ allowed: false, limit: 'count', retryAfterSeconds: 60 });
    expect(decideUpload({ n: 1, bytes: 600 }, 401, limits, now)).toEqual({
      allowed: false,
      limit: 'bytes',
      retryAfterSeconds: 60,
    });
    expect(decideUpload({ n: 0, bytes: 0 }, 1001, limits, new Date('2026-03-02T00:00:00Z'))).toMatchObject({
      retryAfterSeconds: 86_400,
    });
  });
});
