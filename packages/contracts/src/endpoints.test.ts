import { describe, expect, it } from 'vitest';
import { endpoints } from './endpoints.ts';

describe('endpoint catalogue', () => {
  it('lists each method and path once', () => {
    const keys = endpoints.map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names each operation once (its OpenAPI operationId)', () => {
    const ids = endpoints.map((e) => e.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers the fixed API.md contract', () => {
    const keys = new Set(endpoints.map((e) => `${e.method} ${e.path}`));
    for (const key of [
      'post /api/v1/auth/register',
      'post /api/v1/auth/refresh',
      'get /api/v1/me',
      'post /api/v1/uploads',
      'put /api/v1/doctors/me/kyc',
      'post /api/v1/admin/doctors/:id/kyc/decision',
      'put /api/v1/doctors/me/availability',
      'get /api/v1/doctors/:id/slots',
      'post /api/v1/appointments/:id/reschedule',
      'get /api/v1/appointments/:id/calendar.ics',
    ]) {
      expect(keys.has(key), key).toBe(true);
    }
  });
});
