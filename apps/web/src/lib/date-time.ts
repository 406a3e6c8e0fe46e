/**
 * Time-zone-aware dates and times for scheduling. Calendar dates travel as
 * "YYYY-MM-DD" strings, instants as ISO strings; a time zone is an IANA name.
 * Scheduling screens use one fixed, day-first English format ("Mon 7 Dec",
 * "09:30") so every zone reads the same way.
 */

const LOCALE = 'en-GB';
const DAY_MS = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build: keep one per option set and zone. */
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(LOCALE, options);
    } catch {
      // An unknown zone: fall back to UTC rather than crash the page.
      format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, format);
  }
  return format;
}

function toDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A "YYYY-MM-DD" calendar date as a Date at UTC midnight (for formatting the date itself). */
function calendarDate(date: string): Date | null {
  return toDate(`${date}T00:00:00Z`);
}

/** The calendar date of an instant in `timeZone`, as "YYYY-MM-DD". */
export function dateIn(instant: Date | string | number, timeZone: string): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  const parts = formatter({ timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  return dateIn(now, timeZone);
}

/** "2026-12-07" plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  const base = calendarDate(date);
  if (!base) return date;
  return new Date(base.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** `count` consecutive dates starting at `from`. */
export function dateRange(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(from, index));
}

/** "Mon 7 Dec" for "2026-12-07". */
export function formatDayLabel(date: string): string {
  const day = calendarDate(date);
  return day ? formatter({ timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(day) : date;
}

/** "Monday, 7 December 2026" for "2026-12-07". */
export function formatLongDay(date: string): string {
  const day = calendarDate(date);
  return day ? formatter({ timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(day) : date;
}

/** The parts of a date strip button: "Mon", "7", "Dec". */
export function dayParts(date: string): { weekday: string; day: string; month: string } {
  const day = calendarDate(date);
  if (!day) return { weekday: '', day: date, month: '' };
  const parts = formatter({ timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).formatToParts(day);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: part('weekday'), day: part('day'), month: part('month') };
}

/** "09:30" (24-hour clock) for an instant in `timeZone`. */
export function formatClock(iso: string, timeZone: string): string {
  const date = toDate(iso);
  return date ? formatter({ timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date) : '—';
}

/** "09:30 – 10:00" in `timeZone`. */
export function formatClockRange(startIso: string, endIso: string, timeZone: string): string {
  return `${formatClock(startIso, timeZone)} – ${formatClock(endIso, timeZone)}`;
}

/** "Mon 7 Dec 2026" for an instant in `timeZone`. */
export function formatShortDateIn(iso: string, timeZone: string): string {
  const date = toDate(iso);
  return date ? formatter({ timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(date) : '—';
}

/** "Monday, 7 December 2026" for an instant in `timeZone`. */
export function formatLongDateIn(iso: string, timeZone: string): string {
  const date = toDate(iso);
  return date ? formatLongDay(dateIn(date, timeZone)) : '—';
}

/** "Mon 7 Dec 2026, 09:30" for an instant in `timeZone`. */
export function formatDateTimeIn(iso: string, timeZone: string): string {
  const date = toDate(iso);
  return date ? `${formatShortDateIn(iso, timeZone)}, ${formatClock(iso, timeZone)}` : '—';
}

/** "GMT+5:30" (or "GMT") for `timeZone` at `at`. */
export function zoneOffset(timeZone: string, at: Date | number = Date.now()): string {
  const parts = formatter({ timeZone, timeZoneName: 'shortOffset' }).formatToParts(at instanceof Date ? at : new Date(at));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** "Asia/Kolkata (GMT+5:30)". */
export function zoneWithOffset(timeZone: string, at?: Date | number): string {
  const offset = zoneOffset(timeZone, at);
  return offset ? `${timeZone} (${offset})` : timeZone;
}

/** Minutes between two instants. */
export function minutesBetween(startIso: string, endIso: string): number {
  return Math.round((new Date(endIso).getTime() - new Date(startIso).getTime()) / 60_000);
}
