/**
 * A doctor's availability rules as the domain sees them: the contract's
 * `AvailabilityRules` after parsing (defaults filled in). Kept here as plain
 * types so the slot engine depends on no schema library.
 */

/** Doctor-local wall-clock interval, "HH:mm" to "HH:mm" ("24:00" = end of day). */
export interface ClockInterval {
  start: string;
  end: string;
}

export interface WeeklyHours extends ClockInterval {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
}

/** For one local date: either the day is off, or these hours replace the weekly ones. */
export type DateOverride = { date: string; unavailable: true } | { date: string; intervals: readonly ClockInterval[] };

export interface AvailabilityRules {
  /** IANA zone the clock times are read in. */
  timeZone: string;
  slotMinutes: number;
  /** Kept free after every appointment; the next slot starts after it. */
  bufferMinutes: number;
  /** Slots starting sooner than this after "now" are not offered. */
  minNoticeMinutes: number;
  /** Slots starting this many days (of 24 h) after "now" or later are not offered. */
  maxAdvanceDays: number;
  weekly: readonly WeeklyHours[];
  overrides?: readonly DateOverride[];
}
