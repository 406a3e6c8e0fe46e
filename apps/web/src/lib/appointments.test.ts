import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { APPOINTMENTS_API, awaitsOutcome, isChangeable, isSlotTaken, newIdempotencyKey } from './appointments';

const now = Date.parse('2026-12-07T10:00:00Z');

describe('isChangeable', () => {
  it('is open for a confirmed appointment until its change window closes', () => {
    expect(isChangeable({ status: 'confirmed', changeableUntil: '2026-12-07T10:00:01Z' }, now)).toBe(true);
    expect(isChangeable({ status: 'confirmed', changeableUntil: '2026-12-07T10:00:00Z' }, now)).toBe(false);
    expect(isChangeable({ status: 'confirmed', changeableUntil: '2026-12-07T15:29:00+05:30' }, now)).toBe(false);
  });

  it('is closed for any other status or an unreadable deadline', () => {
    for (const status of ['pending_payment', 'cancelled', 'completed', 'no_show'] as const) {
      expect(isChangeable({ status, changeableUntil: '2027-01-01T00:00:00Z' }, now)).toBe(false);
    }
    expect(isChangeable({ status: 'confirmed', changeableUntil: 'soon' }, now)).toBe(false);
  });
});

describe('awaitsOutcome', () => {
  it('is true once a confirmed appointment has started', () => {
    expect(awaitsOutcome({ status: 'confirmed', start: '2026-12-07T10:00:00Z' }, now)).toBe(true);
    expect(awaitsOutcome({ status: 'confirmed', start: '2026-12-06T10:00:00Z' }, now)).toBe(true);
    expect(awaitsOutcome({ status: 'confirmed', start: '2026-12-07T10:00:01Z' }, now)).toBe(false);
    expect(awaitsOutcome({ status: 'completed', start: '2026-12-06T10:00:00Z' }, now)).toBe(false);
  });
});

describe('isSlotTaken', () => {
  it('recognises only the API’s SLOT_UNAVAILABLE error', () => {
    expect(isSlotTaken(new ApiError({ status: 409, code: 'SLOT_UNAVAILABLE', message: 'Taken' }))).toBe(true);
    expect(isSlotTaken(new ApiError({ status: 409, code: 'CONFLICT', message: 'Taken' }))).toBe(false);
    expect(isSlotTaken({ code: 'SLOT_UNAVAILABLE' })).toBe(false);
  });
});

describe('APPOINTMENTS_API', () => {
  it('escapes ids in paths', () => {
    expect(APPOINTMENTS_API.one('a1')).toBe('/api/v1/appointments/a1');
    expect(APPOINTMENTS_API.cancel('a/../b?c')).toBe('/api/v1/appointments/a%2F..%2Fb%3Fc/cancel');
    expect(APPOINTMENTS_API.calendar('a 1')).toBe('/api/v1/appointments/a%201/calendar.ics');
  });
});

describe('newIdempotencyKey', () => {
  it('makes distinct v4 UUIDs', () => {
    const keys = Array.from({ length: 20 }, () => newIdempotencyKey());
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
