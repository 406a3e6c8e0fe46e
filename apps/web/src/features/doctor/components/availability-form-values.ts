import { AvailabilityRules, type DateOverride } from '@doctime/contracts';
import { get, set, type FieldErrors, type Resolver } from 'react-hook-form';
import { numberOrUndefined } from '../../../lib/form-resolver';

/** ISO weekdays 1..7 are these names at index 0..6. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const DEFAULT_INTERVAL: IntervalValues = { start: '09:00', end: '17:00' };

export interface IntervalValues {
  start: string;
  /** "00:00" in an end field means midnight at the end of the day ("24:00" on the wire). */
  end: string;
}

export interface DayValues {
  enabled: boolean;
  intervals: IntervalValues[];
}

/** What the availability form holds: inputs as typed, one entry per weekday (Monday first). */
export interface AvailabilityFormValues {
  timeZone: string;
  slotMinutes: number | string;
  bufferMinutes: number | string;
  minNoticeHours: number | string;
  maxAdvanceDays: number | string;
  days: DayValues[];
  /** As the API takes them (ends may be "24:00"). */
  overrides: DateOverride[];
}

const MINUTES_PER_DAY = 24 * 60;

/** "09:00" from what a time input gives ("09:00" or "09:00:00"). */
export function normalizeClock(value: string): string {
  const match = /^(\d{2}):(\d{2})/.exec(value.trim());
  return match ? `${match[1]}:${match[2]}` : value.trim();
}

/** A time input cannot show "24:00": midnight at the end of the day is "00:00" there. */
export function endForInput(end: string): string {
  return end === '24:00' ? '00:00' : end;
}

export function endForApi(end: string): string {
  const clock = normalizeClock(end);
  return clock === '00:00' ? '24:00' : clock;
}

/** Minutes since midnight, or null for a malformed "HH:mm". */
export function clockMinutes(clock: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : null;
}

export function clockOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The interval "Add break" appends: an hour after the last one ends, an hour long (blank when the day is full). */
export function nextInterval(last: IntervalValues | undefined): IntervalValues {
  if (!last) return { ...DEFAULT_INTERVAL };
  const end = clockMinutes(endForApi(last.end));
  if (end === null || end + 90 > MINUTES_PER_DAY) return { start: '', end: '' };
  const start = end + 60;
  const finish = Math.min(start + 60, MINUTES_PER_DAY);
  return { start: clockOf(start), end: endForInput(clockOf(finish)) };
}

export function availabilityFormValues(rules: AvailabilityRules): AvailabilityFormValues {
  return {
    timeZone: rules.timeZone,
    slotMinutes: rules.slotMinutes,
    bufferMinutes: rules.bufferMinutes,
    minNoticeHours: Math.round((rules.minNoticeMinutes / 60) * 100) / 100,
    maxAdvanceDays: rules.maxAdvanceDays,
    days: WEEKDAYS.map((_, index) => {
      const intervals = rules.weekly
        .filter((interval) => interval.weekday === index + 1)
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((interval) => ({ start: interval.start, end: endForInput(interval.end) }));
      return { enabled: intervals.length > 0, intervals };
    }),
    overrides: [...rules.overrides].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

export interface MappedRequest {
  request: Record<string, unknown>;
  /** Form path of each `weekly[i]` sent, e.g. "days.0.intervals.1". */
  weeklyPaths: string[];
}

/** An empty or unreadable number fails validation with the contract's "Enter …" message. */
const numberOrNaN = (value: number | string) => numberOrUndefined(value) ?? Number.NaN;

export function toAvailabilityRequest(values: AvailabilityFormValues): MappedRequest {
  const weekly: { weekday: number; start: string; end: string }[] = [];
  const weeklyPaths: string[] = [];
  values.days.forEach((day, dayIndex) => {
    if (!day.enabled) return;
    day.intervals.forEach((interval, intervalIndex) => {
      weekly.push({ weekday: dayIndex + 1, start: normalizeClock(interval.start), end: endForApi(interval.end) });
      weeklyPaths.push(`days.${dayIndex}.intervals.${intervalIndex}`);
    });
  });
  const hours = numberOrNaN(values.minNoticeHours);
  return {
    request: {
      timeZone: values.timeZone,
      slotMinutes: numberOrNaN(values.slotMinutes),
      bufferMinutes: numberOrNaN(values.bufferMinutes),
      minNoticeMinutes: Number.isNaN(hours) ? hours : Math.round(hours * 60),
      maxAdvanceDays: numberOrNaN(values.maxAdvanceDays),
      weekly,
      overrides: values.overrides,
    },
    weeklyPaths,
  };
}

const TOP_LEVEL = new Set(['timeZone', 'slotMinutes', 'bufferMinutes', 'maxAdvanceDays']);

/** Where an API error path ("weekly.2.start", "minNoticeMinutes") shows on the form, or null. */
export function formPathOf(apiPath: string, weeklyPaths: readonly string[]): string | null {
  const [head, index, field] = apiPath.split('.');
  if (!head) return null;
  if (TOP_LEVEL.has(head)) return head;
  if (head === 'minNoticeMinutes') return 'minNoticeHours';
  if (head === 'weekly' && index !== undefined) {
    const base = weeklyPaths[Number(index)];
    return base ? `${base}.${field === 'end' ? 'end' : 'start'}` : null;
  }
  if (head === 'overrides' && index !== undefined && /^\d+$/.test(index)) return `overrides.${index}`;
  return null;
}

/** The contract speaks of minutes; the form asks for hours. */
export function formMessage(apiPath: string, message: string): string {
  if (apiPath === 'minNoticeMinutes')
    return message.replace('in minutes', 'in hours').replace('Use whole minutes', 'Use at most two decimals');
  return message;
}

/**
 * Validates with the contract's AvailabilityRules after mapping the form to
 * the request; errors come back on the form's own rows ("Monday start 2").
 */
export const availabilityResolver: Resolver<AvailabilityFormValues, unknown, AvailabilityRules> = async (values) => {
  const { request, weeklyPaths } = toAvailabilityRequest(values);
  const result = AvailabilityRules.safeParse(request);
  if (result.success) return { values: result.data, errors: {} };
  const errors: FieldErrors<AvailabilityFormValues> = {};
  for (const issue of result.error.issues) {
    const apiPath = issue.path.map(String).join('.');
    const path = formPathOf(apiPath, weeklyPaths) ?? 'root.rules';
    if (get(errors, path)) continue;
    set(errors, path, { type: 'validate', message: formMessage(apiPath, issue.message) });
  }
  return { values: {}, errors };
};

const TOP_LABELS: Record<string, string> = {
  timeZone: 'Time zone',
  slotMinutes: 'Slot length',
  bufferMinutes: 'Buffer between slots',
  minNoticeHours: 'Minimum notice',
  maxAdvanceDays: 'Bookable days ahead',
};

/** The label of a weekly time input: "Monday start", "Monday end 2". */
export function intervalLabel(dayIndex: number, intervalIndex: number, field: 'start' | 'end'): string {
  return `${WEEKDAYS[dayIndex] ?? ''} ${field}${intervalIndex > 0 ? ` ${intervalIndex + 1}` : ''}`;
}

export interface ErrorSummaryItem {
  label: string;
  message: string;
}

/** Every error on the form as "where: what", in form order, for the alert above the Save button. */
export function errorSummary(
  errors: FieldErrors<AvailabilityFormValues>,
  overrides: readonly DateOverride[],
): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  for (const [name, label] of Object.entries(TOP_LABELS)) {
    const message = (get(errors, name) as { message?: string } | undefined)?.message;
    if (message) items.push({ label, message });
  }
  WEEKDAYS.forEach((_, dayIndex) => {
    const intervals = (errors.days?.[dayIndex]?.intervals ?? []) as unknown as Record<
      number,
      Record<string, { message?: string }> | undefined
    >;
    for (const [key, interval] of Object.entries(intervals)) {
      const intervalIndex = Number(key);
      if (!interval || Number.isNaN(intervalIndex)) continue;
      for (const field of ['start', 'end'] as const) {
        const message = interval[field]?.message;
        if (message) items.push({ label: intervalLabel(dayIndex, intervalIndex, field), message });
      }
    }
  });
  const overrideErrors = (errors.overrides ?? []) as unknown as Record<number, { message?: string } | undefined>;
  for (const [key, error] of Object.entries(overrideErrors)) {
    const index = Number(key);
    if (Number.isNaN(index) || !error?.message) continue;
    items.push({ label: `Override ${overrides[index]?.date ?? index + 1}`, message: error.message });
  }
  const root = (errors.root as Record<string, { message?: string }> | undefined)?.['rules']?.message;
  if (root) items.push({ label: 'Availability', message: root });
  return items;
}
