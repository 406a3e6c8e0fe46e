import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
// The contracts index does not re-export scheduling.ts yet; reach the file directly.
import { AvailabilityRules, SlotsQuery, SlotsResponse } from '../../../../../../packages/contracts/src/scheduling.ts';
import type { AvailabilityRules as DomainRules } from './availability-rules.ts';
import { viewerDateRangeToUtc } from './local-time.ts';
import { generateSlots, groupSlotsByDate } from './slot-engine.ts';

/** `{field.path: [messages]}` as the API returns it. */
function fieldErrors(schema: z.ZodType, value: unknown): Record<string, string[]> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return out;
}

const valid = {
  timeZone: 'Europe/London',
  slotMinutes: 30,
  weekly: [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 1, start: '12:00', end: '17:00' },
    { weekday: 5, start: '20:00', end: '24:00' },
  ],
};

describe('AvailabilityRules', () => {
  it('fills in defaults, normalises the zone, and fits the domain type', () => {
    const rules: DomainRules = AvailabilityRules.parse({ ...valid, timeZone: 'europe/london' });
    expect(rules).toMatchObject({
      timeZone: 'Europe/London',
      bufferMinutes: 0,
      minNoticeMinutes: 120,
      maxAdvanceDays: 60,
      overrides: [],
    });
  });

  it('accepts both override forms', () => {
    const overrides = [
      { date: '2026-12-25', unavailable: true },
      { date: '2026-12-24', intervals: [{ start: '09:00', end: '12:00' }] },
    ];
    expect(AvailabilityRules.parse({ ...valid, overrides }).overrides).toEqual(overrides);
  });

  it('explains each bad field', () => {
    expect(
      fieldErrors(AvailabilityRules, {
        timeZone: '+05:30',
        slotMinutes: 33,
        bufferMinutes: 125,
        minNoticeMinutes: -1,
        maxAdvanceDays: 0,
        weekly: [
          { weekday: 8, start: '09:00', end: '10:00' },
          { weekday: 2, start: '09:03', end: '10:00' },
          { weekday: 2, start: '11:00', end: '10:00' },
          { weekday: 3, start: '24:00', end: '24:00' },
        ],
      }),
    ).toEqual({
      timeZone: ['Choose a time zone such as Europe/London'],
      slotMinutes: ['Use a multiple of 5 minutes'],
      bufferMinutes: ['The break can be at most 120 minutes'],
      minNoticeMinutes: ['The notice cannot be negative'],
      maxAdvanceDays: ['Allow booking at least 1 day ahead'],
      'weekly.0.weekday': ['Choose a weekday from 1 (Monday) to 7 (Sunday)'],
      'weekly.1.start': ['Use a time on a 5-minute step, e.g. 09:05'],
      'weekly.2.end': ['The end must be after the start'],
      'weekly.3.start': ['Use a time as HH:mm, e.g. 09:30'],
    });
  });

  it('rejects overlapping intervals on the same weekday only', () => {
    const weekly = [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 2, start: '10:00', end: '11:00' },
      { weekday: 1, start: '11:30', end: '13:00' },
    ];
    expect(fieldErrors(AvailabilityRules, { ...valid, weekly })).toEqual({
      'weekly.2.start': ['This overlaps another interval on the same day'],
    });
  });

  it('checks override dates, forms, overlaps and uniqueness', () => {
    expect(
      fieldErrors(AvailabilityRules, {
        ...valid,
        overrides: [
          { date: '2026-02-30', unavailable: true },
          { date: '2026-03-01', unavailable: false },
          { date: '2026-03-02', intervals: [] },
          {
            date: '2026-03-03',
            intervals: [
              { start: '09:00', end: '11:00' },
              { start: '10:00', end: '12:00' },
            ],
          },
        ],
      }),
    ).toEqual({
      'overrides.0.date': ['Use a real date as YYYY-MM-DD'],
      'overrides.1': ['Give either unavailable: true or a list of intervals'],
      'overrides.2.intervals': ['Add at least one interval, or mark the day unavailable'],
      'overrides.3.intervals.1.start': ['This overlaps another interval on the same day'],
    });
    const twice = [
      { date: '2026-03-01', unavailable: true },
      { date: '2026-03-01', intervals: [{ start: '09:00', end: '10:00' }] },
    ];
    expect(fieldErrors(AvailabilityRules, { ...valid, overrides: twice })).toEqual({
      'overrides.1.date': ['This date already has an override'],
    });
  });
});

describe('SlotsQuery', () => {
  it('accepts up to 62 days and needs to >= from', () => {
    expect(SlotsQuery.parse({ from: '2026-01-01', to: '2026-03-03', tz: 'asia/tokyo' })).toEqual({
      from: '2026-01-01',
      to: '2026-03-03',
      tz: 'Asia/Tokyo',
    });
    expect(fieldErrors(SlotsQuery, { from: '2026-01-01', to: '2026-03-04', tz: 'UTC' })).toEqual({
      to: ['Ask for at most 62 days at a time'],
    });
    expect(fieldErrors(SlotsQuery, { from: '2026-01-02', to: '2026-01-01', tz: 'UTC' })).toEqual({
      to: ['The end date must be on or after the start date'],
    });
    expect(Object.keys(fieldErrors(SlotsQuery, { from: '1/2/2026', tz: 'Nowhere/Else' })).sort()).toEqual(['from', 'to', 'tz']);
  });
});

describe('SlotsResponse', () => {
  it('needs UTC instants', () => {
    const day = (start: string) => ({
      timeZone: 'UTC',
      days: [{ date: '2026-01-05', slots: [{ start, end: '2026-01-05T09:30:00.000Z' }] }],
    });
    expect(SlotsResponse.safeParse(day('2026-01-05T09:00:00.000Z')).success).toBe(true);
    expect(SlotsResponse.safeParse(day('2026-01-05T10:00:00+01:00')).success).toBe(false);
  });

  it('holds what the engine lists for a query: only the asked dates, in the asked zone', () => {
    const query = SlotsQuery.parse({ from: '2026-12-07', to: '2026-12-08', tz: 'America/Los_Angeles' });
    const rules = AvailabilityRules.parse({
      timeZone: 'Asia/Kolkata',
      slotMinutes: 60,
      minNoticeMinutes: 0,
      maxAdvanceDays: 365,
      weekly: [1, 2, 3].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    const slots = generateSlots(
      rules,
      viewerDateRangeToUtc(query.from, query.to, query.tz),
      [],
      new Date('2026-12-01T00:00:00Z'),
    );
    const response = SlotsResponse.parse({ timeZone: query.tz, days: groupSlotsByDate(slots, query.tz) });
    expect(response.days.map((d) => [d.date, d.slots.length])).toEqual([
      ['2026-12-07', 8],
      ['2026-12-08', 8],
    ]);
  });
});
