import type { AvailabilityRules } from '@doctime/contracts';
import type { FieldErrors, ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import {
  availabilityFormValues,
  availabilityResolver,
  clockMinutes,
  clockOf,
  DEFAULT_INTERVAL,
  endForApi,
  endForInput,
  errorSummary,
  formMessage,
  formPathOf,
  intervalLabel,
  nextInterval,
  normalizeClock,
  toAvailabilityRequest,
  WEEKDAYS,
  type AvailabilityFormValues,
} from './availability-form-values';

const rules: AvailabilityRules = {
  timeZone: 'Asia/Kolkata',
  slotMinutes: 30,
  bufferMinutes: 5,
  minNoticeMinutes: 90,
  maxAdvanceDays: 60,
  weekly: [
    { weekday: 1, start: '14:00', end: '18:00' },
    { weekday: 1, start: '09:00', end: '13:00' },
    { weekday: 3, start: '20:00', end: '24:00' },
    { weekday: 7, start: '10:00', end: '12:00' },
  ],
  overrides: [
    { date: '2026-12-31', unavailable: true },
    { date: '2026-12-24', intervals: [{ start: '09:00', end: '12:00' }] },
  ],
};

/** Form values as a doctor would leave them: Monday 09:00-17:00 only. */
function formValues(overrides: Partial<AvailabilityFormValues> = {}): AvailabilityFormValues {
  return {
    timeZone: 'Europe/London',
    slotMinutes: 30,
    bufferMinutes: 0,
    minNoticeHours: 2,
    maxAdvanceDays: 60,
    days: WEEKDAYS.map((_, index) =>
      index === 0 ? { enabled: true, intervals: [{ start: '09:00', end: '17:00' }] } : { enabled: false, intervals: [] },
    ),
    overrides: [],
    ...overrides,
  };
}

const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<AvailabilityFormValues>;
const resolve = (values: AvailabilityFormValues) => availabilityResolver(values, undefined, resolverOptions);

describe('clock helpers', () => {
  it('normalizes what a time input gives to HH:mm', () => {
    expect(normalizeClock('09:00')).toBe('09:00');
    expect(normalizeClock('09:00:00')).toBe('09:00');
    expect(normalizeClock(' 17:45:30.000 ')).toBe('17:45');
    // Anything unreadable is only trimmed, so validation can complain about it.
    expect(normalizeClock(' 9:00 ')).toBe('9:00');
    expect(normalizeClock('')).toBe('');
  });

  it('shows an end of 24:00 as 00:00 in the input and sends 00:00 as 24:00', () => {
    expect(endForInput('24:00')).toBe('00:00');
    expect(endForInput('17:00')).toBe('17:00');
    expect(endForApi('00:00')).toBe('24:00');
    expect(endForApi('00:00:00')).toBe('24:00');
    expect(endForApi('17:30:00')).toBe('17:30');
    expect(endForApi('')).toBe('');
  });

  it('counts minutes since midnight up to 24:00 and rejects malformed clocks', () => {
    expect(clockMinutes('00:00')).toBe(0);
    expect(clockMinutes('09:30')).toBe(570);
    expect(clockMinutes('24:00')).toBe(1440);
    expect(clockMinutes('24:05')).toBeNull();
    expect(clockMinutes('9:30')).toBeNull();
    expect(clockMinutes('09:30:00')).toBeNull();
    expect(clockMinutes('')).toBeNull();
  });

  it('writes minutes as a zero-padded clock', () => {
    expect(clockOf(0)).toBe('00:00');
    expect(clockOf(65)).toBe('01:05');
    expect(clockOf(1440)).toBe('24:00');
    for (const clock of ['00:00', '07:05', '12:30', '23:55']) expect(clockOf(clockMinutes(clock)!)).toBe(clock);
  });
});

describe('nextInterval', () => {
  it('starts with the default hours on an empty day', () => {
    const first = nextInterval(undefined);
    expect(first).toEqual({ start: '09:00', end: '17:00' });
    first.start = '10:00';
    expect(DEFAULT_INTERVAL.start).toBe('09:00');
  });

  it('adds an hour-long interval an hour after the last one ends', () => {
    expect(nextInterval({ start: '09:00', end: '12:00' })).toEqual({ start: '13:00', end: '14:00' });
    expect(nextInterval({ start: '09:00', end: '12:30:00' })).toEqual({ start: '13:30', end: '14:30' });
  });

  it('ends at midnight (00:00 in the input) when the day runs out', () => {
    expect(nextInterval({ start: '20:00', end: '22:00' })).toEqual({ start: '23:00', end: '00:00' });
    expect(nextInterval({ start: '20:00', end: '22:30' })).toEqual({ start: '23:30', end: '00:00' });
  });

  it('is blank when less than half an hour would be left, or the last end is unreadable', () => {
    expect(nextInterval({ start: '20:00', end: '22:35' })).toEqual({ start: '', end: '' });
    expect(nextInterval({ start: '20:00', end: '00:00' })).toEqual({ start: '', end: '' });
    expect(nextInterval({ start: '20:00', end: '' })).toEqual({ start: '', end: '' });
  });
});

describe('availabilityFormValues', () => {
  const values = availabilityFormValues(rules);

  it('copies the settings and shows the notice in hours', () => {
    expect(values).toMatchObject({
      timeZone: 'Asia/Kolkata',
      slotMinutes: 30,
      bufferMinutes: 5,
      minNoticeHours: 1.5,
      maxAdvanceDays: 60,
    });
    expect(availabilityFormValues({ ...rules, minNoticeMinutes: 100 }).minNoticeHours).toBe(1.67);
    expect(availabilityFormValues({ ...rules, minNoticeMinutes: 0 }).minNoticeHours).toBe(0);
  });

  it('puts weekly intervals on their day, Monday first, sorted by start, 24:00 shown as 00:00', () => {
    expect(values.days).toHaveLength(7);
    expect(values.days[0]).toEqual({
      enabled: true,
      intervals: [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '18:00' },
      ],
    });
    expect(values.days[1]).toEqual({ enabled: false, intervals: [] });
    expect(values.days[2]).toEqual({ enabled: true, intervals: [{ start: '20:00', end: '00:00' }] });
    expect(values.days[6]).toEqual({ enabled: true, intervals: [{ start: '10:00', end: '12:00' }] });
  });

  it('sorts overrides by date without touching the rules', () => {
    expect(values.overrides.map((o) => o.date)).toEqual(['2026-12-24', '2026-12-31']);
    expect(rules.overrides.map((o) => o.date)).toEqual(['2026-12-31', '2026-12-24']);
    expect(rules.weekly[0]).toEqual({ weekday: 1, start: '14:00', end: '18:00' });
  });
});

describe('toAvailabilityRequest', () => {
  it('round-trips the rules (weekly order aside)', () => {
    const { request } = toAvailabilityRequest(availabilityFormValues(rules));
    const byDayAndStart = (a: { weekday: number; start: string }, b: { weekday: number; start: string }) =>
      a.weekday - b.weekday || a.start.localeCompare(b.start);
    expect({ ...request, weekly: [...(request.weekly as AvailabilityRules['weekly'])].sort(byDayAndStart) }).toEqual({
      ...rules,
      weekly: [...rules.weekly].sort(byDayAndStart),
      overrides: [...rules.overrides].sort((a, b) => a.date.localeCompare(b.date)),
    });
  });

  it('gets every notice back to the minute despite showing it as hours with two decimals', () => {
    for (let minutes = 0; minutes <= 7 * 24 * 60; minutes += 1) {
      const { request } = toAvailabilityRequest(availabilityFormValues({ ...rules, minNoticeMinutes: minutes }));
      if (request.minNoticeMinutes !== minutes)
        expect.fail(`${minutes} minutes came back as ${String(request.minNoticeMinutes)}`);
    }
  });

  it('sends only enabled days, with ISO weekdays, normalized clocks and midnight ends as 24:00', () => {
    const values = formValues({
      days: WEEKDAYS.map(() => ({ enabled: false, intervals: [{ start: '08:00', end: '09:00' }] })),
    });
    values.days[1] = {
      enabled: true,
      intervals: [
        { start: '09:00:00', end: '12:00:00' },
        { start: '22:00', end: '00:00' },
      ],
    };
    values.days[6] = { enabled: true, intervals: [{ start: '10:00', end: '11:00' }] };
    const { request, weeklyPaths } = toAvailabilityRequest(values);
    expect(request.weekly).toEqual([
      { weekday: 2, start: '09:00', end: '12:00' },
      { weekday: 2, start: '22:00', end: '24:00' },
      { weekday: 7, start: '10:00', end: '11:00' },
    ]);
    expect(weeklyPaths).toEqual(['days.1.intervals.0', 'days.1.intervals.1', 'days.6.intervals.0']);
  });

  it('turns typed numbers into numbers and notice hours into whole minutes', () => {
    const { request } = toAvailabilityRequest(
      formValues({ slotMinutes: '45', bufferMinutes: '10', minNoticeHours: '1.67', maxAdvanceDays: '30' }),
    );
    expect(request).toMatchObject({ slotMinutes: 45, bufferMinutes: 10, minNoticeMinutes: 100, maxAdvanceDays: 30 });
  });

  it('sends NaN for empty or unreadable numbers so validation reports them', () => {
    const { request } = toAvailabilityRequest(
      formValues({ slotMinutes: '', bufferMinutes: 'abc', minNoticeHours: '', maxAdvanceDays: '' }),
    );
    expect(request.slotMinutes).toBeNaN();
    expect(request.bufferMinutes).toBeNaN();
    expect(request.minNoticeMinutes).toBeNaN();
    expect(request.maxAdvanceDays).toBeNaN();
  });
});

describe('formPathOf', () => {
  const weeklyPaths = ['days.0.intervals.0', 'days.0.intervals.1', 'days.4.intervals.0'];

  it('maps top-level settings, and minutes of notice to the hours field', () => {
    for (const name of ['timeZone', 'slotMinutes', 'bufferMinutes', 'maxAdvanceDays'])
      expect(formPathOf(name, weeklyPaths)).toBe(name);
    expect(formPathOf('minNoticeMinutes', weeklyPaths)).toBe('minNoticeHours');
  });

  it('maps weekly intervals to the row they came from', () => {
    expect(formPathOf('weekly.1.start', weeklyPaths)).toBe('days.0.intervals.1.start');
    expect(formPathOf('weekly.2.end', weeklyPaths)).toBe('days.4.intervals.0.end');
    // A bad weekday, or the interval as a whole, is shown on its start.
    expect(formPathOf('weekly.2.weekday', weeklyPaths)).toBe('days.4.intervals.0.start');
    expect(formPathOf('weekly.0', weeklyPaths)).toBe('days.0.intervals.0.start');
  });

  it('maps an override problem to the override', () => {
    expect(formPathOf('overrides.3.date', weeklyPaths)).toBe('overrides.3');
    expect(formPathOf('overrides.0.intervals.1.end', weeklyPaths)).toBe('overrides.0');
  });

  it('has no place for unknown or out-of-range paths', () => {
    expect(formPathOf('', weeklyPaths)).toBeNull();
    expect(formPathOf('_', weeklyPaths)).toBeNull();
    expect(formPathOf('weekly', weeklyPaths)).toBeNull();
    expect(formPathOf('weekly.3.start', weeklyPaths)).toBeNull();
    expect(formPathOf('weekly.x.start', weeklyPaths)).toBeNull();
    expect(formPathOf('overrides', weeklyPaths)).toBeNull();
    expect(formPathOf('overrides.x', weeklyPaths)).toBeNull();
    expect(formPathOf('doctorId', weeklyPaths)).toBeNull();
  });
});

describe('formMessage', () => {
  it('speaks of hours for the notice', () => {
    expect(formMessage('minNoticeMinutes', 'Enter the minimum notice in minutes')).toBe('Enter the minimum notice in hours');
    expect(formMessage('minNoticeMinutes', 'Use whole minutes')).toBe('Use at most two decimals');
  });

  it('leaves other messages alone', () => {
    expect(formMessage('slotMinutes', 'Enter the slot length in minutes')).toBe('Enter the slot length in minutes');
    expect(formMessage('slotMinutes', 'Use whole minutes')).toBe('Use whole minutes');
  });
});

describe('availabilityResolver', () => {
  it('passes valid values as the parsed rules, with a 00:00 end sent as 24:00', async () => {
    const values = formValues({ timeZone: 'europe/london', minNoticeHours: '0.5' });
    values.days[4] = { enabled: true, intervals: [{ start: '18:00', end: '00:00' }] };
    const result = await resolve(values);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({
      timeZone: 'Europe/London',
      slotMinutes: 30,
      bufferMinutes: 0,
      minNoticeMinutes: 30,
      maxAdvanceDays: 60,
      weekly: [
        { weekday: 1, start: '09:00', end: '17:00' },
        { weekday: 5, start: '18:00', end: '24:00' },
      ],
      overrides: [],
    });
  });

  it('accepts touching intervals (a break of zero length)', async () => {
    const values = formValues();
    values.days[0] = {
      enabled: true,
      intervals: [
        { start: '09:00', end: '12:00' },
        { start: '12:00', end: '17:00' },
      ],
    };
    expect((await resolve(values)).errors).toEqual({});
  });

  it('ignores the rows of a disabled day', async () => {
    const values = formValues();
    values.days[2] = { enabled: false, intervals: [{ start: 'nonsense', end: '' }] };
    const result = await resolve(values);
    expect(result.errors).toEqual({});
    expect((result.values as AvailabilityRules).weekly).toHaveLength(1);
  });

  it('puts overlapping breaks and reversed intervals on their rows', async () => {
    const values = formValues();
    values.days[0] = {
      enabled: true,
      intervals: [
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '15:00' },
      ],
    };
    values.days[2] = { enabled: true, intervals: [{ start: '17:00', end: '09:00' }] };
    const result = await resolve(values);
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      days: [
        {
          intervals: [undefined, { start: { type: 'validate', message: 'This overlaps another interval on the same day' } }],
        },
        undefined,
        { intervals: [{ end: { type: 'validate', message: 'The end must be after the start' } }] },
      ],
    });
  });

  it('reports a missing start as malformed, not its 00:00 end', async () => {
    const values = formValues();
    values.days[0] = { enabled: true, intervals: [{ start: '', end: '00:00' }] };
    const result = await resolve(values);
    expect(result.errors).toMatchObject({
      days: [{ intervals: [{ start: { message: 'Use a time as HH:mm, e.g. 09:30' } }] }],
    });
    expect((result.errors as FieldErrors<AvailabilityFormValues>).days?.[0]?.intervals?.[0]?.end).toBeUndefined();
  });

  it('reports empty numbers with the form’s wording, keeping the first message per field', async () => {
    const result = await resolve(formValues({ slotMinutes: '', minNoticeHours: '', timeZone: 'Mars/Olympus' }));
    expect(result.errors).toEqual({
      timeZone: { type: 'validate', message: 'Choose a time zone such as Europe/London' },
      slotMinutes: { type: 'validate', message: 'Enter the slot length in minutes' },
      minNoticeHours: { type: 'validate', message: 'Enter the minimum notice in hours' },
    });
  });

  it('reports off-grid and out-of-range settings', async () => {
    const result = await resolve(formValues({ slotMinutes: 7, bufferMinutes: -5, maxAdvanceDays: 0, minNoticeHours: 200 }));
    expect(result.errors).toEqual({
      slotMinutes: { type: 'validate', message: 'Slots must be at least 10 minutes' },
      bufferMinutes: { type: 'validate', message: 'The break cannot be negative' },
      minNoticeHours: { type: 'validate', message: 'The notice can be at most 7 days' },
      maxAdvanceDays: { type: 'validate', message: 'Allow booking at least 1 day ahead' },
    });
  });

  it('puts a duplicate override date on that override', async () => {
    const result = await resolve(
      formValues({
        overrides: [
          { date: '2026-12-24', unavailable: true },
          { date: '2026-12-24', intervals: [{ start: '09:00', end: '12:00' }] },
        ],
      }),
    );
    expect(result.errors).toEqual({ overrides: [undefined, { type: 'validate', message: 'This date already has an override' }] });
  });
});

describe('intervalLabel', () => {
  it('names the first interval by day and field, later ones with their number', () => {
    expect(intervalLabel(0, 0, 'start')).toBe('Monday start');
    expect(intervalLabel(6, 1, 'end')).toBe('Sunday end 2');
    expect(intervalLabel(2, 3, 'start')).toBe('Wednesday start 4');
  });
});

describe('errorSummary', () => {
  it('is empty without errors', () => {
    expect(errorSummary({}, [])).toEqual([]);
  });

  it('lists every error in form order with a readable place', async () => {
    const values = formValues({
      slotMinutes: '',
      maxAdvanceDays: 0,
      overrides: [
        { date: '2026-12-24', unavailable: true },
        { date: '2026-12-24', unavailable: true },
      ],
    });
    values.days[0] = {
      enabled: true,
      intervals: [
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '15:00' },
      ],
    };
    values.days[4] = { enabled: true, intervals: [{ start: '17:00', end: '09:00' }] };
    const { errors } = await resolve(values);
    expect(errorSummary(errors, values.overrides)).toEqual([
      { label: 'Slot length', message: 'Enter the slot length in minutes' },
      { label: 'Bookable days ahead', message: 'Allow booking at least 1 day ahead' },
      { label: 'Monday start 2', message: 'This overlaps another interval on the same day' },
      { label: 'Friday end', message: 'The end must be after the start' },
      { label: 'Override 2026-12-24', message: 'This date already has an override' },
    ]);
  });

  it('numbers an override it cannot find, and includes errors with no field', () => {
    const errors = {
      overrides: [undefined, undefined, { type: 'server', message: 'Too many intervals' }],
      root: { rules: { type: 'validate', message: 'Give the weekly hours as a list' } },
    } as unknown as FieldErrors<AvailabilityFormValues>;
    expect(errorSummary(errors, [])).toEqual([
      { label: 'Override 3', message: 'Too many intervals' },
      { label: 'Availability', message: 'Give the weekly hours as a list' },
    ]);
  });
});
