import { z } from 'zod';

/**
 * Availability rules and slot listing. Clock times are doctor-local wall
 * times ("HH:mm"); instants on the wire are ISO-8601 UTC strings.
 */

export const SLOT_MINUTES_MIN = 10;
export const SLOT_MINUTES_MAX = 120;
export const BUFFER_MINUTES_MAX = 120;
export const MIN_NOTICE_MINUTES_DEFAULT = 120;
export const MIN_NOTICE_MINUTES_MAX = 7 * 24 * 60;
export const MAX_ADVANCE_DAYS_DEFAULT = 60;
export const MAX_ADVANCE_DAYS_MAX = 365;
/** The longest date range one slots request may ask for, both ends included. */
export const SLOTS_QUERY_MAX_DAYS = 62;
/** Every rule time sits on this grid, so slots line up with booking claim cells. */
export const TIME_STEP_MINUTES = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Minutes since midnight of an "HH:mm" string (assumed well-formed). */
function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True for a real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
function isCalendarDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

function ianaZoneName(value: string): string | null {
  // Intl also accepts offsets such as "+05:30"; the API promises IANA names only.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * An IANA time zone name. Spelling is normalised ("europe/london" ->
 * "Europe/London") with `overwrite`, which keeps the type a plain string in
 * OpenAPI.
 */
export const TimeZone = z
  .string({ message: 'Choose a time zone such as Europe/London' })
  .trim()
  .max(64, 'Choose a time zone such as Europe/London')
  .refine((v) => ianaZoneName(v) !== null, 'Choose a time zone such as Europe/London')
  .overwrite((v) => ianaZoneName(v) ?? v)
  // For OpenAPI: the canonical names (what the API answers with; it also accepts aliases and any case).
  .meta({ id: 'TimeZone', enum: [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])] });

export const DateString = z
  .string({ message: 'Use a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'Use a real date as YYYY-MM-DD')
  .meta({ format: 'date' });

const onStep = (clock: string) => clockMinutes(clock) % TIME_STEP_MINUTES === 0;
const stepMessage = `Use a time on a ${TIME_STEP_MINUTES}-minute step, e.g. 09:05`;

const START_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_RE = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

const StartTime = z
  .string({ message: 'Use a time as HH:mm, e.g. 09:30' })
  .regex(START_RE, 'Use a time as HH:mm, e.g. 09:30')
  .refine(onStep, stepMessage);

/** An end may also be "24:00": the interval runs to the end of the day. */
const EndTime = z
  .string({ message: 'Use a time as HH:mm, e.g. 17:30' })
  .regex(END_RE, 'Use a time as HH:mm, e.g. 17:30 (24:00 for midnight)')
  .refine(onStep, stepMessage);

/** Only compares well-formed times; a malformed one already has its own message. */
const endAfterStart = (i: { start: string; end: string }) =>
  !START_RE.test(i.start) || !END_RE.test(i.end) || clockMinutes(i.end) > clockMinutes(i.start);
const endAfterStartIssue = { path: ['end'], message: 'The end must be after the start' };

export const TimeInterval = z
  .object({ start: StartTime, end: EndTime })
  .refine(endAfterStart, endAfterStartIssue)
  .meta({ id: 'TimeInterval' });

export const WeeklyInterval = z
  .object({
    weekday: z
      .number({ message: 'Choose a weekday from 1 (Monday) to 7 (Sunday)' })
      .int('Choose a weekday from 1 (Monday) to 7 (Sunday)')
      .min(1, 'Choose a weekday from 1 (Monday) to 7 (Sunday)')
      .max(7, 'Choose a weekday from 1 (Monday) to 7 (Sunday)'),
    start: StartTime,
    end: EndTime,
  })
  .refine(endAfterStart, endAfterStartIssue)
  .meta({ id: 'WeeklyInterval' });

/**
 * Reports the later of two overlapping intervals in the same group (weekday,
 * or one override date). Touching intervals (09:00-12:00, 12:00-17:00) are fine.
 */
function noOverlaps<T extends { start: string; end: string }>(groupOf: (item: T) => string | number) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const indexed = items.map((item, index) => ({ item, index }));
    indexed.sort((a, b) => clockMinutes(a.item.start) - clockMinutes(b.item.start));
    const lastEnd = new Map<string | number, number>();
    for (const { item, index } of indexed) {
      const group = groupOf(item);
      const previousEnd = lastEnd.get(group);
      if (previousEnd !== undefined && clockMinutes(item.start) < previousEnd) {
        ctx.addIssue({ code: 'custom', path: [index, 'start'], message: 'This overlaps another interval on the same day' });
      }
      lastEnd.set(group, Math.max(previousEnd ?? 0, clockMinutes(item.end)));
    }
  };
}

const DayOff = z
  .object({ date: DateString, unavailable: z.literal(true, { message: 'Set unavailable to true, or give intervals' }) })
  .strict();

const DayHours = z
  .object({
    date: DateString,
    intervals: z
      .array(TimeInterval)
      .min(1, 'Add at least one interval, or mark the day unavailable')
      .max(24, 'Use at most 24 intervals a day')
      .superRefine(noOverlaps(() => 0)),
  })
  .strict();

/** One date's exception: either the day is off, or these hours replace the weekly ones. */
export const DateOverride = z
  .union([DayOff, DayHours], { message: 'Give either unavailable: true or a list of intervals' })
  .meta({ id: 'DateOverride' });

export const AvailabilityRules = z
  .object({
    timeZone: TimeZone,
    slotMinutes: z
      .number({ message: 'Enter the slot length in minutes' })
      .int('Use whole minutes')
      .min(SLOT_MINUTES_MIN, `Slots must be at least ${SLOT_MINUTES_MIN} minutes`)
      .max(SLOT_MINUTES_MAX, `Slots can be at most ${SLOT_MINUTES_MAX} minutes`)
      .multipleOf(TIME_STEP_MINUTES, `Use a multiple of ${TIME_STEP_MINUTES} minutes`),
    bufferMinutes: z
      .number({ message: 'Enter the break after each appointment in minutes' })
      .int('Use whole minutes')
      .min(0, 'The break cannot be negative')
      .max(BUFFER_MINUTES_MAX, `The break can be at most ${BUFFER_MINUTES_MAX} minutes`)
      .multipleOf(TIME_STEP_MINUTES, `Use a multiple of ${TIME_STEP_MINUTES} minutes`)
      .default(0),
    minNoticeMinutes: z
      .number({ message: 'Enter the minimum notice in minutes' })
      .int('Use whole minutes')
      .min(0, 'The notice cannot be negative')
      .max(MIN_NOTICE_MINUTES_MAX, 'The notice can be at most 7 days')
      .default(MIN_NOTICE_MINUTES_DEFAULT),
    maxAdvanceDays: z
      .number({ message: 'Enter how many days ahead patients may book' })
      .int('Use whole days')
      .min(1, 'Allow booking at least 1 day ahead')
      .max(MAX_ADVANCE_DAYS_MAX, `Allow booking at most ${MAX_ADVANCE_DAYS_MAX} days ahead`)
      .default(MAX_ADVANCE_DAYS_DEFAULT),
    weekly: z
      .array(WeeklyInterval, { message: 'Give the weekly hours as a list' })
      .max(168, 'Use at most 168 weekly intervals')
      .superRefine(noOverlaps((i) => i.weekday)),
    overrides: z
      .array(DateOverride)
      .max(366, 'Use at most 366 date overrides')
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        items.forEach((item, index) => {
          if (seen.has(item.date)) {
            ctx.addIssue({ code: 'custom', path: [index, 'date'], message: 'This date already has an override' });
          }
          seen.add(item.date);
        });
      })
      .default([]),
  })
  .meta({ id: 'AvailabilityRules' });
/** The rules as stored and returned, defaults filled in. */
export type AvailabilityRules = z.infer<typeof AvailabilityRules>;
/** The request body as a client may send it (optional fields may be left out). */
export type AvailabilityRulesInput = z.input<typeof AvailabilityRules>;
export type TimeInterval = z.infer<typeof TimeInterval>;
export type WeeklyInterval = z.infer<typeof WeeklyInterval>;
export type DateOverride = z.infer<typeof DateOverride>;

/** `GET /api/v1/doctors/:id/slots?from&to&tz`: dates are in the viewer's zone `tz`. */
export const SlotsQuery = z.object({ from: DateString, to: DateString, tz: TimeZone }).superRefine((q, ctx) => {
  if (!isCalendarDate(q.from) || !isCalendarDate(q.to)) return;
  const days = (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be on or after the start date' });
  else if (days > SLOTS_QUERY_MAX_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `Ask for at most ${SLOTS_QUERY_MAX_DAYS} days at a time` });
  }
});
export type SlotsQuery = z.infer<typeof SlotsQuery>;

/** `GET /api/v1/doctors/me/availability/preview?days`: the next days of free slots, 14 unless asked. */
export const SlotsPreviewQuery = z.object({ days: z.coerce.number().int().min(1).max(31).default(14) });

export const Slot = z.object({ start: z.iso.datetime(), end: z.iso.datetime() }).meta({ id: 'Slot' });
export type Slot = z.infer<typeof Slot>;

export const SlotsResponse = z
  .object({
    timeZone: z.string(),
    days: z.array(z.object({ date: DateString, slots: z.array(Slot) })),
  })
  .meta({ id: 'SlotsResponse' });
export type SlotsResponse = z.infer<typeof SlotsResponse>;
