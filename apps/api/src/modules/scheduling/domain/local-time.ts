import { DateTime } from 'luxon';

/**
 * Calendar dates ("YYYY-MM-DD") and wall-clock times in a named zone. Dates
 * are zone-free labels, so their arithmetic runs on UTC midnights; only the
 * wall-time -> instant step needs the zone (and luxon's DST handling).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

function dateToUtcMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${date}`);
  return ms;
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from `fromDate` to `toDate`, both included; empty when reversed. */
export function localDatesBetween(fromDate: string, toDate: string): string[] {
  const dates: string[] = [];
  for (let ms = dateToUtcMs(fromDate), last = dateToUtcMs(toDate); ms <= last; ms += DAY_MS) {
    dates.push(new Date(ms).toISOString().slice(0, 10));
  }
  return dates;
}

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const sundayFirst = new Date(dateToUtcMs(date)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

function zoned(dt: DateTime, timeZone: string): DateTime {
  if (!dt.isValid) throw new RangeError(`Cannot use time zone "${timeZone}": ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt;
}

/** The calendar date an instant falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return dateFormatter(timeZone).format(instant);
}

// Listing 60 days means thousands of calls: one cached Intl formatter per zone
// ("en-CA" formats as YYYY-MM-DD) is far cheaper than a luxon DateTime each time.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function clockToMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * The instant a wall-clock time on a local date happens in `timeZone`.
 * "24:00" is the next date's midnight. Luxon's rules apply at DST changes: a
 * time inside a spring-forward gap moves forward by the gap, and an
 * ambiguous fall-back time resolves to one fixed offset.
 */
export function wallTimeToUtc(date: string, clock: string, timeZone: string): Date {
  const key = `${timeZone}|${date}|${clock}`;
  let ms = wallTimes.get(key);
  if (ms === undefined) {
    if (wallTimes.size >= WALL_TIMES_KEPT) wallTimes.clear();
    wallTimes.set(key, (ms = zonedWallTime(date, clock, timeZone).getTime()));
  }
  return new Date(ms);
}

// Searching every doctor's hours for a date asks the same few (zone, date, clock) triples
// thousands of times: luxon takes tens of microseconds each, a map lookup well under one.
const WALL_TIMES_KEPT = 100_000;
const wallTimes = new Map<string, number>();

function zonedWallTime(date: string, clock: string, timeZone: string): Date {
  const minutes = clockToMinutes(clock);
  const day = addDays(date, Math.floor(minutes / (24 * 60)));
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  const minuteOfDay = minutes % (24 * 60);
  const dt = DateTime.fromObject(
    { year, month, day: dayOfMonth, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
    { zone: timeZone },
  );
  return zoned(dt, timeZone).toJSDate();
}

/**
 * A viewer's date range (both ends included, read in `timeZone`) as a UTC
 * half-open range [from, to): from the first date's start of day to the start
 * of the day after the last date.
 */
export function viewerDateRangeToUtc(fromDate: string, toDate: string, timeZone: string): { from: Date; to: Date } {
  const startOf = (date: string) =>
    zoned(DateTime.fromISO(date, { zone: timeZone }), timeZone)
      .startOf('day')
      .toJSDate();
  return { from: startOf(fromDate), to: startOf(addDays(toDate, 1)) };
}
