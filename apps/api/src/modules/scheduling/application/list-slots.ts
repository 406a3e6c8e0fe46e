import { AppError } from '../../../platform/app-error.ts';
import { addDays, localDateOf, viewerDateRangeToUtc } from '../domain/local-time.ts';
import { generateSlots, groupSlotsByDate } from '../domain/slot-engine.ts';
import { busyTime } from './busy-time.ts';
import type { SchedulingDeps } from './ports.ts';

export function makeListSlots(deps: SchedulingDeps) {
  /** Free slots of a listed doctor for viewer dates [from, to] in zone `tz`, grouped by the viewer's dates. */
  return async function listSlots(input: { doctorId: string; from: string; to: string; tz: string }) {
    const doctor = await deps.doctors.findListedDoctor(input.doctorId);
    if (!doctor) throw new AppError('NOT_FOUND', 'No such doctor.');
    const rules = await deps.availability.find(input.doctorId);
    if (!rules) return { timeZone: input.tz, days: [] };
    const range = viewerDateRangeToUtc(input.from, input.to, input.tz);
    const busy = await busyTime(deps, input.doctorId, range.from, range.to);
    const slots = generateSlots(rules, range, busy, deps.clock.now());
    return { timeZone: input.tz, days: groupSlotsByDate(slots, input.tz) };
  };
}

export function makePreviewSlots(deps: SchedulingDeps) {
  /** The doctor's own preview of whole local days, today first, under the saved rules (busy time removed). */
  return async function previewSlots(doctorId: string, days: number) {
    const rules = await deps.availability.find(doctorId);
    if (!rules) return { timeZone: 'UTC', days: [] };
    const now = deps.clock.now();
    const today = localDateOf(now, rules.timeZone);
    const range = viewerDateRangeToUtc(today, addDays(today, days - 1), rules.timeZone);
    const slots = generateSlots(rules, range, await busyTime(deps, doctorId, range.from, range.to), now);
    return { timeZone: rules.timeZone, days: groupSlotsByDate(slots, rules.timeZone) };
  };
}
