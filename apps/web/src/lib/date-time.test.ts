import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateIn,
  dateRange,
  dayParts,
  formatClock,
  formatClockRange,
  formatDateTimeIn,
  formatDayLabel,
  formatLongDateIn,
  formatLongDay,
  formatShortDateIn,
  minutesBetween,
  todayIn,
  zoneOffset,
  zoneWithOffset,
} from './date-time';

describe('dateIn / todayIn', () => {
  const lateMonday = '2026-01-05T23:30:00Z';

  it('gives the calendar date of an instant in the zone', () => {
    expect(dateIn(lateMonday, 'UTC')).toBe('2026-01-05');
    expect(dateIn(lateMonday, 'Asia/Tokyo')).toBe('2026-01-06');
    expect(dateIn(lateMonday, 'America/New_York')).toBe('2026-01-05');
    expect(dateIn('2026-12-31T10:00:00Z', 'Pacific/Kiritimati')).toBe('2027-01-01');
    expect(dateIn('2026-12-31T10:00:00Z', 'Pacific/Pago_Pago')).toBe('2026-12-30');
  });

  it('takes a Date, an ISO string or epoch milliseconds', () => {
    const ms = Date.parse(lateMonday);
    expect(dateIn(new Date(ms), 'Asia/Kolkata')).toBe('2026-01-06');
    expect(dateIn(ms, 'Asia/Kolkata')).toBe('2026-01-06');
    expect(todayIn('Asia/Tokyo', ms)).toBe('2026-01-06');
    expect(todayIn('America/Los_Angeles', ms)).toBe('2026-01-05');
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(dateIn('2026-01-05T23:30:00Z', 'Mars/Olympus')).toBe('2026-01-05');
  });
});

describe('addDays / dateRange', () => {
  it('adds days across months, years, leap days and DST changes', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-11-01', 0)).toBe('2026-11-01');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('returns an unreadable date unchanged', () => {
    expect(addDays('not-a-date', 1)).toBe('not-a-date');
    expect(addDays('', 3)).toBe('');
  });

  it('lists consecutive dates', () => {
    expect(dateRange('2026-12-30', 4)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(dateRange('2026-12-30', 1)).toEqual(['2026-12-30']);
    expect(dateRange('2026-12-30', 0)).toEqual([]);
  });
});

describe('calendar date labels', () => {
  it('formats a date the same way in every zone', () => {
    expect(formatDayLabel('2026-12-07')).toBe('Mon 7 Dec');
    expect(formatLongDay('2026-12-07')).toBe('Monday, 7 December 2026');
    expect(dayParts('2026-12-07')).toEqual({ weekday: 'Mon', day: '7', month: 'Dec' });
    expect(dayParts('2028-02-29')).toEqual({ weekday: 'Tue', day: '29', month: 'Feb' });
  });

  it('shows an unreadable date as given', () => {
    expect(formatDayLabel('soon')).toBe('soon');
    expect(formatLongDay('soon')).toBe('soon');
    expect(dayParts('soon')).toEqual({ weekday: '', day: 'soon', month: '' });
  });
});

describe('instants in a zone', () => {
  const instant = '2026-12-07T04:00:00Z';

  it('shows a 24-hour clock in the zone, midnight as 00:00', () => {
    expect(formatClock(instant, 'UTC')).toBe('04:00');
    expect(formatClock(instant, 'Asia/Kolkata')).toBe('09:30');
    expect(formatClock(instant, 'America/New_York')).toBe('23:00');
    expect(formatClock('2026-12-07T18:30:00Z', 'Asia/Kolkata')).toBe('00:00');
    expect(formatClock('2026-12-07T09:00:00+05:30', 'UTC')).toBe('03:30');
  });

  it('uses summer and winter offsets of the instant', () => {
    expect(formatClock('2026-07-01T08:00:00Z', 'Europe/London')).toBe('09:00');
    expect(formatClock('2026-01-15T08:00:00Z', 'Europe/London')).toBe('08:00');
  });

  it('shows a range', () => {
    expect(formatClockRange(instant, '2026-12-07T04:30:00Z', 'Asia/Kolkata')).toBe('09:30 – 10:00');
  });

  it('shows dates of the instant in the zone', () => {
    expect(formatShortDateIn(instant, 'Asia/Kolkata')).toBe('Mon, 7 Dec 2026');
    expect(formatShortDateIn(instant, 'America/New_York')).toBe('Sun, 6 Dec 2026');
    expect(formatLongDateIn(instant, 'Asia/Kolkata')).toBe('Monday, 7 December 2026');
    expect(formatLongDateIn(instant, 'America/New_York')).toBe('Sunday, 6 December 2026');
    expect(formatDateTimeIn(instant, 'Asia/Kolkata')).toBe('Mon, 7 Dec 2026, 09:30');
    expect(formatDateTimeIn(instant, 'America/New_York')).toBe('Sun, 6 Dec 2026, 23:00');
  });

  it('shows an em dash for an unreadable instant', () => {
    for (const bad of ['', 'yesterday', '2026-13-45T00:00:00Z']) {
      expect(formatClock(bad, 'UTC')).toBe('—');
      expect(formatShortDateIn(bad, 'UTC')).toBe('—');
      expect(formatLongDateIn(bad, 'UTC')).toBe('—');
      expect(formatDateTimeIn(bad, 'UTC')).toBe('—');
    }
    expect(formatClockRange('bad', '2026-12-07T04:30:00Z', 'UTC')).toBe('— – 04:30');
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(formatClock(instant, 'Not/AZone')).toBe('04:00');
    expect(formatDateTimeIn(instant, 'Not/AZone')).toBe('Mon, 7 Dec 2026, 04:00');
  });
});

describe('zone offsets', () => {
  const winter = new Date('2026-01-15T12:00:00Z');
  const summer = Date.parse('2026-07-15T12:00:00Z');

  // ICU 78 (CLDR 48, Node 24's) writes a zero offset as "GMT+0"; older ICU data writes "GMT".
  const ZERO = /^GMT(\+0)?$/;

  it('names the offset at the given instant', () => {
    expect(zoneOffset('UTC', winter)).toMatch(ZERO);
    expect(zoneOffset('Asia/Kolkata', winter)).toBe('GMT+5:30');
    expect(zoneOffset('Europe/London', winter)).toMatch(ZERO);
    expect(zoneOffset('Europe/London', summer)).toBe('GMT+1');
    expect(zoneOffset('America/New_York', winter)).toBe('GMT-5');
    expect(zoneOffset('America/New_York', summer)).toBe('GMT-4');
  });

  it('labels a zone with its offset', () => {
    expect(zoneWithOffset('Asia/Kolkata', winter)).toBe('Asia/Kolkata (GMT+5:30)');
    expect(zoneWithOffset('Europe/London', summer)).toBe('Europe/London (GMT+1)');
    expect(zoneWithOffset('UTC', winter)).toMatch(/^UTC \(GMT(\+0)?\)$/);
  });
});

describe('minutesBetween', () => {
  it('counts whole minutes between instants, whatever their offsets', () => {
    expect(minutesBetween('2026-12-07T09:00:00Z', '2026-12-07T09:30:00Z')).toBe(30);
    expect(minutesBetween('2026-12-07T09:00:00+05:30', '2026-12-07T03:30:00Z')).toBe(0);
    expect(minutesBetween('2026-12-07T23:00:00Z', '2026-12-08T01:15:00Z')).toBe(135);
    expect(minutesBetween('2026-12-07T09:30:00Z', '2026-12-07T09:00:00Z')).toBe(-30);
    expect(minutesBetween('2026-12-07T09:00:00Z', '2026-12-07T09:00:40Z')).toBe(1);
    expect(minutesBetween('2026-12-07T09:00:00Z', '2026-12-07T09:00:20Z')).toBe(0);
  });

  it('spans a DST change in real minutes', () => {
    // Europe/London springs forward at 01:00 UTC on 29 March 2026: 00:30 to 03:30 local is two hours.
    expect(minutesBetween('2026-03-29T00:30:00+00:00', '2026-03-29T03:30:00+01:00')).toBe(120);
  });
});
