import type { AvailabilityRules, ClockInterval } from './availability-rules.ts';
import { occupiedSpan, type TimeSpan } from './claim-cells.ts';
import { addDays, isoWeekday, localDateOf, localDatesBetween, wallTimeToUtc } from './local-time.ts';

/**
 * The one slot rule engine. Listing slots and checking a booking both run
 * `generateSlots`, so any slot that is offered can be booked and nothing else
 * can.
 *
 * Order of work: (1) expand the rules per local date in the doctor's zone into
 * a fixed grid that depends only on the rules, (2) filter that grid by notice,
 * horizon and busy time, (3) cut it to the asked window.
 */

export type { TimeSpan } from './claim-cells.ts';

export interface DaySlots {
  /** YYYY-MM-DD in the viewer's zone. */
  date: string;
  /** ISO-8601 UTC strings. */
  slots: { start: string; end: string }[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const overlaps = (a: TimeSpan, b: TimeSpan) => a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
const byStart = (a: TimeSpan, b: TimeSpan) => a.start.getTime() - b.start.getTime();

/** The hours that apply on a local date: its override if any, else its weekday's. */
function hoursOn(
  rules: AvailabilityRules,
  overrides: Map<string, readonly ClockInterval[]>,
  date: string,
): readonly ClockInterval[] {
  const override = overrides.get(date);
  if (override) return override;
  const weekday = isoWeekday(date);
  return rules.weekly.filter((w) => w.weekday === weekday);
}

/**
 * One local date's slots. Each interval becomes real UTC instants first and is
 * then stepped in elapsed time, so a fall-back day yields its extra hour and a
 * spring-forward day loses one. Luxon moves gap times forward, which can make
 * two intervals overlap in UTC; the earlier slot wins, so slots never overlap.
 */
function slotsOfDate(rules: AvailabilityRules, overrides: Map<string, readonly ClockInterval[]>, date: string): TimeSpan[] {
  const slotMs = rules.slotMinutes * MINUTE_MS;
  const stepMs = slotMs + rules.bufferMinutes * MINUTE_MS;
  const candidates: TimeSpan[] = [];
  for (const interval of hoursOn(rules, overrides, date)) {
    const start = wallTimeToUtc(date, interval.start, rules.timeZone).getTime();
    const end = wallTimeToUtc(date, interval.end, rules.timeZone).getTime();
    for (let t = start; t + slotMs <= end; t += stepMs) candidates.push({ start: new Date(t), end: new Date(t + slotMs) });
  }
  candidates.sort(byStart);
  const kept: TimeSpan[] = [];
  for (const slot of candidates) {
    const last = kept.at(-1);
    if (!last || !overlaps(last, slot)) kept.push(slot);
  }
  return kept;
}

/**
 * The slot grid of local dates firstDate..lastDate. A DST shift can push one
 * date's slots into the next date's; the earlier date wins. Each date's result
 * depends only on itself and the date before, so the grid for a date is the
 * same whatever range it was computed in.
 */
function slotGrid(rules: AvailabilityRules, firstDate: string, lastDate: string): TimeSpan[] {
  const overrides = new Map<string, readonly ClockInterval[]>();
  for (const o of rules.overrides ?? []) overrides.set(o.date, 'intervals' in o ? o.intervals : []);
  let previous = slotsOfDate(rules, overrides, addDays(firstDate, -1));
  const grid: TimeSpan[] = [];
  for (const date of localDatesBetween(firstDate, lastDate)) {
    const current = slotsOfDate(rules, overrides, date);
    for (const slot of current) if (!previous.some((p) => overlaps(p, slot))) grid.push(slot);
    previous = current;
  }
  return grid.sort(byStart);
}

/**
 * Free, bookable slots starting in [range.from, range.to), sorted by start: a
 * slot belongs to the day it starts on, so one that only runs into the range
 * (say across the viewer's midnight) is the previous day's, not this one's.
 * `busy` is the doctor's booked time, each booking including its buffer. A
 * slot is free when the time it would occupy (itself plus the buffer after it,
 * widened to claim cells) touches no busy time: exactly what booking it would
 * claim, so an offered slot's claims cannot collide.
 */
export function generateSlots(
  rules: AvailabilityRules,
  range: { from: Date; to: Date },
  busy: readonly TimeSpan[],
  now: Date,
): TimeSpan[] {
  checkRules(rules);
  const window = bookableWindow(rules, range, now);
  return window ? bookableSlots(slotGridBetween(rules, window), rules, busy, now) : [];
}

/**
 * The part of `range` where slots of `rules` may start `now`: after the
 * notice, before the horizon; null when there is none (a past day, say).
 */
export function bookableWindow(
  rules: AvailabilityRules,
  range: { from: Date; to: Date },
  now: Date,
): { from: Date; to: Date } | null {
  const lo = Math.max(range.from.getTime(), now.getTime() + rules.minNoticeMinutes * MINUTE_MS);
  const hi = Math.min(range.to.getTime(), now.getTime() + rules.maxAdvanceDays * DAY_MS);
  return lo < hi ? { from: new Date(lo), to: new Date(hi) } : null;
}

function checkRules(rules: AvailabilityRules) {
  if (!(rules.slotMinutes > 0) || rules.bufferMinutes < 0)
    throw new RangeError('slotMinutes must be positive and bufferMinutes not negative');
}

/**
 * The rules' slots starting in [range.from, range.to), sorted, before notice,
 * horizon and busy time: it depends on the rules and the range only, so it
 * may be kept and reused (see `bookableSlots`).
 */
export function slotGridBetween(rules: AvailabilityRules, range: { from: Date; to: Date }): TimeSpan[] {
  checkRules(rules);
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (!(from < to)) return [];
  // A day each side of the range's local dates covers zone shifts.
  const firstDate = addDays(localDateOf(range.from, rules.timeZone), -1);
  const lastDate = addDays(localDateOf(range.to, rules.timeZone), 1);
  return slotGrid(rules, firstDate, lastDate).filter((slot) => slot.start.getTime() >= from && slot.start.getTime() < to);
}

/** Of a grid of `rules` (see `slotGridBetween`), the slots bookable `now`. */
export function bookableSlots(
  grid: readonly TimeSpan[],
  rules: AvailabilityRules,
  busy: readonly TimeSpan[],
  now: Date,
): TimeSpan[] {
  return grid.filter(bookableNow(rules, busy, now));
}

/** Whether a slot of `rules` is bookable `now`: after the notice, before the horizon, clear of busy time. */
export function bookableNow(rules: AvailabilityRules, busy: readonly TimeSpan[], now: Date): (slot: TimeSpan) => boolean {
  const lo = now.getTime() + rules.minNoticeMinutes * MINUTE_MS;
  const hi = now.getTime() + rules.maxAdvanceDays * DAY_MS;
  const isBusy = busyChecker(busy);
  return (slot) => {
    const start = slot.start.getTime();
    if (start < lo || start >= hi) return false;
    const occupied = occupiedSpan(slot.start, slot.end, rules.bufferMinutes);
    return !isBusy(occupied.start.getTime(), occupied.end.getTime());
  };
}

/**
 * "Does [start, end) touch busy time?" by binary search over the busy spans
 * sorted by start (with a running maximum of ends), instead of scanning every
 * span for every slot.
 */
function busyChecker(busy: readonly TimeSpan[]): (start: number, end: number) => boolean {
  const spans = busy.map((b) => [b.start.getTime(), b.end.getTime()] as const).sort((a, b) => a[0] - b[0]);
  const maxEnd: number[] = [];
  for (const [, end] of spans) maxEnd.push(Math.max(end, maxEnd.at(-1) ?? -Infinity));
  return (start, end) => {
    // Last span starting before `end`; any overlap must be it or earlier, and
    // the running maximum says whether any of those reaches past `start`.
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]![0] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > start;
  };
}

/**
 * The slot starting exactly at `start` if `generateSlots` would offer it now,
 * else null. Runs the same code on a 1 ms window, so listing and booking agree.
 */
export function isSlotOffered(rules: AvailabilityRules, start: Date, busy: readonly TimeSpan[], now: Date): TimeSpan | null {
  const t = start.getTime();
  if (Number.isNaN(t)) return null;
  const around = generateSlots(rules, { from: start, to: new Date(t + 1) }, busy, now);
  return around.find((slot) => slot.start.getTime() === t) ?? null;
}

/**
 * Slots grouped by the date they start on in the viewer's zone, dates
 * ascending, empty dates left out. Uses a map, not "same as previous", because
 * local dates can step back at a midnight fall-back.
 */
export function groupSlotsByDate(slots: readonly TimeSpan[], viewerTimeZone: string): DaySlots[] {
  const byDate = new Map<string, DaySlots['slots']>();
  for (const slot of [...slots].sort(byStart)) {
    const date = localDateOf(slot.start, viewerTimeZone);
    let day = byDate.get(date);
    if (!day) byDate.set(date, (day = []));
    day.push({ start: slot.start.toISOString(), end: slot.end.toISOString() });
  }
  return [...byDate.keys()].sort().map((date) => ({ date, slots: byDate.get(date) ?? [] }));
}
