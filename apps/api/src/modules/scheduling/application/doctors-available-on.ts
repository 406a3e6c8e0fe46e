import type { AvailabilityRules } from '../domain/availability-rules.ts';
import { viewerDateRangeToUtc } from '../domain/local-time.ts';
import { bookableNow, bookableWindow, slotGridBetween, type TimeSpan } from '../domain/slot-engine.ts';
import { busyTimeOf } from './busy-time.ts';
import type { SchedulingDeps } from './ports.ts';

/** Slot grids kept per process (one per distinct set of hours and searched day); all are dropped when full. */
const GRIDS_KEPT = 50_000;

/**
 * Ids of doctors with at least one free slot on a date in the viewer's zone,
 * among thousands, without a query per doctor: every doctor's hours come from
 * the availability mirror, everyone's busy time from one read of the busy
 * index, and each slot grid (which depends only on the hours and the day) is
 * computed once per distinct hours and day, then only checked against "now"
 * and busy time, the same checks `generateSlots` makes.
 */
export function makeDoctorsAvailableOn(deps: SchedulingDeps) {
  const grids = new Map<string, TimeSpan[]>();
  const hoursKeys = new WeakMap<AvailabilityRules, string>();

  function gridOf(rules: AvailabilityRules, range: { from: Date; to: Date }): TimeSpan[] {
    let hours = hoursKeys.get(rules);
    if (hours === undefined) {
      hours = JSON.stringify([rules.timeZone, rules.slotMinutes, rules.bufferMinutes, rules.weekly, rules.overrides ?? []]);
      hoursKeys.set(rules, hours);
    }
    const key = `${range.from.getTime()}|${hours}`;
    let grid = grids.get(key);
    if (!grid) {
      if (grids.size >= GRIDS_KEPT) grids.clear();
      grids.set(key, (grid = slotGridBetween(rules, range)));
    }
    return grid;
  }

  return async function doctorsAvailableOn(date: string, tz: string): Promise<string[]> {
    const range = viewerDateRangeToUtc(date, date, tz);
    const now = deps.clock.now();
    const all = await deps.availability.listAll();
    const busy = await busyTimeOf(
      deps,
      all.map((d) => d.doctorId),
      range.from,
      range.to,
      'everyone',
    );
    return all
      .filter(
        ({ doctorId, rules }) =>
          bookableWindow(rules, range, now) !== null && gridOf(rules, range).some(bookableNow(rules, busy.get(doctorId)!, now)),
      )
      .map((d) => d.doctorId);
  };
}
