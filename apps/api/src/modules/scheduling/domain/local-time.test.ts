import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, localDateOf, localDatesBetween, viewerDateRangeToUtc, wallTimeToUtc } from './local-time.ts';

describe('calendar dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('lists dates inclusively, and none when reversed', () => {
    expect(localDatesBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(localDatesBetween('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
    expect(localDatesBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('numbers weekdays the ISO way', () => {
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(isoWeekday('2026-03-29')).toBe(7);
  });
});

describe('zoned times', () => {
  it('reads wall times in the zone, 24:00 as next midnight', () => {
    expect(wallTimeToUtc('2026-07-01', '09:00', 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(wallTimeToUtc('2026-07-01', '24:00', 'Asia/Kolkata').toISOString()).toBe('2026-07-01T18:30:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => wallTimeToUtc('2026-07-01', '09:00', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('gives the local date of an instant', () => {
    expect(localDateOf(new Date('2026-01-05T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-01-06');
    expect(localDateOf(new Date('2026-01-05T23:30:00Z'), 'America/New_York')).toBe('2026-01-05');
  });

  it('turns a viewer date range into a UTC [from, to) range, 23 or 25 hours on DST days', () => {
    const spring = viewerDateRangeToUtc('2026-03-29', '2026-03-29', 'Europe/London');
    expect(spring.from.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(spring.to.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    const autumn = viewerDateRangeToUtc('2026-10-25', '2026-10-25', 'Europe/London');
    expect(autumn.from.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(autumn.to.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    const week = viewerDateRangeToUtc('2026-01-05', '2026-01-11', 'Asia/Tokyo');
    expect([week.from.toISOString(), week.to.toISOString()]).toEqual(['2026-01-04T15:00:00.000Z', '2026-01-11T15:00:00.000Z']);
  });
});
