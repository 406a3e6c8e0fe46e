import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AvailabilityRules } from './availability-rules.ts';
import { claimCells, claimId, occupiedSpan } from './claim-cells.ts';
import { addDays, viewerDateRangeToUtc } from './local-time.ts';
import { bookableSlots, generateSlots, groupSlotsByDate, isSlotOffered, slotGridBetween, type TimeSpan } from './slot-engine.ts';

const MON = 1;
const SUN = 7;
const longAgo = new Date('2026-01-01T00:00:00Z');

function rules(over: Partial<AvailabilityRules>): AvailabilityRules {
  return {
    timeZone: 'Europe/London',
    slotMinutes: 30,
    bufferMinutes: 0,
    minNoticeMinutes: 0,
    maxAdvanceDays: 365,
    weekly: [],
    overrides: [],
    ...over,
  };
}

const at = (iso: string) => new Date(iso);
const span = (start: string, end: string): TimeSpan => ({ start: at(start), end: at(end) });
const starts = (slots: TimeSpan[]) => slots.map((s) => s.start.toISOString());

/** Slots on local dates fromDate..toDate of the doctor's own zone. */
function slotsOn(r: AvailabilityRules, fromDate: string, toDate = fromDate, busy: TimeSpan[] = [], now = longAgo) {
  return generateSlots(r, viewerDateRangeToUtc(fromDate, toDate, r.timeZone), busy, now);
}

function expectWellFormed(slots: TimeSpan[], slotMinutes: number) {
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    expect(slot.end.getTime() - slot.start.getTime()).toBe(slotMinutes * 60_000);
    if (i > 0) expect(slot.start.getTime()).toBeGreaterThanOrEqual(slots[i - 1]!.end.getTime());
  }
}

describe('generateSlots: weekly rules', () => {
  const monMorning = rules({ weekly: [{ weekday: MON, start: '09:00', end: '12:00' }] });

  it('lists a Monday morning in London summer time (UTC+1)', () => {
    const slots = slotsOn(monMorning, '2026-03-30', '2026-04-05');
    expect(slots[0]!.start.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(starts(slots)).toEqual([
      '2026-03-30T08:00:00.000Z',
      '2026-03-30T08:30:00.000Z',
      '2026-03-30T09:00:00.000Z',
      '2026-03-30T09:30:00.000Z',
      '2026-03-30T10:00:00.000Z',
      '2026-03-30T10:30:00.000Z',
    ]);
    expect(slots.at(-1)!.end.toISOString()).toBe('2026-03-30T11:00:00.000Z');
  });

  it('lists the same wall times at UTC+0 in winter, every week', () => {
    const slots = slotsOn(monMorning, '2026-01-05', '2026-01-18');
    expect(slots).toHaveLength(12);
    expect(slots[0]!.start.toISOString()).toBe('2026-01-05T09:00:00.000Z');
    expect(slots[6]!.start.toISOString()).toBe('2026-01-12T09:00:00.000Z');
  });

  it('treats a gap between two intervals as a break', () => {
    const r = rules({
      weekly: [
        { weekday: MON, start: '14:00', end: '15:30' },
        { weekday: MON, start: '09:00', end: '11:00' },
      ],
    });
    expect(starts(slotsOn(r, '2026-01-05'))).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-01-05T09:30:00.000Z',
      '2026-01-05T10:00:00.000Z',
      '2026-01-05T10:30:00.000Z',
      '2026-01-05T14:00:00.000Z',
      '2026-01-05T14:30:00.000Z',
      '2026-01-05T15:00:00.000Z',
    ]);
  });

  it('only offers slots that end inside the interval', () => {
    const r = rules({ weekly: [{ weekday: MON, start: '09:00', end: '10:40' }] });
    expect(starts(slotsOn(r, '2026-01-05'))).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-01-05T09:30:00.000Z',
      '2026-01-05T10:00:00.000Z',
    ]);
  });

  it('leaves the buffer free after every slot', () => {
    const r = rules({ bufferMinutes: 10, weekly: [{ weekday: MON, start: '09:00', end: '11:00' }] });
    const slots = slotsOn(r, '2026-01-05');
    expect(starts(slots)).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-05T09:40:00.000Z', '2026-01-05T10:20:00.000Z']);
    expect(slots[2]!.end.toISOString()).toBe('2026-01-05T10:50:00.000Z');
  });

  it('runs an interval ending at 24:00 to midnight', () => {
    const r = rules({ slotMinutes: 60, weekly: [{ weekday: MON, start: '22:00', end: '24:00' }] });
    const slots = slotsOn(r, '2026-01-05');
    expect(starts(slots)).toEqual(['2026-01-05T22:00:00.000Z', '2026-01-05T23:00:00.000Z']);
    expect(slots[1]!.end.toISOString()).toBe('2026-01-06T00:00:00.000Z');
  });
});

describe('generateSlots: date overrides', () => {
  const weekly = [{ weekday: MON, start: '09:00', end: '10:00' }];

  it('removes a day marked unavailable and keeps the other weeks', () => {
    const r = rules({ weekly, overrides: [{ date: '2026-01-12', unavailable: true }] });
    expect(starts(slotsOn(r, '2026-01-05', '2026-01-19'))).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-01-05T09:30:00.000Z',
      '2026-01-19T09:00:00.000Z',
      '2026-01-19T09:30:00.000Z',
    ]);
  });

  it('replaces the weekly hours of that date with its own', () => {
    const r = rules({
      weekly,
      overrides: [
        { date: '2026-01-12', intervals: [{ start: '13:00', end: '14:00' }] },
        { date: '2026-01-11', intervals: [{ start: '10:00', end: '10:30' }] }, // a Sunday: no weekly hours
      ],
    });
    expect(starts(slotsOn(r, '2026-01-11', '2026-01-12'))).toEqual([
      '2026-01-11T10:00:00.000Z',
      '2026-01-12T13:00:00.000Z',
      '2026-01-12T13:30:00.000Z',
    ]);
  });
});

describe('generateSlots: notice and horizon', () => {
  const r = rules({ weekly: [{ weekday: MON, start: '08:00', end: '10:00' }] });

  it('drops slots starting sooner than the minimum notice', () => {
    const now = at('2026-01-05T07:50:00Z');
    const slots = slotsOn({ ...r, minNoticeMinutes: 60 }, '2026-01-05', '2026-01-05', [], now);
    expect(starts(slots)).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-05T09:30:00.000Z']);
  });

  it('offers a slot starting exactly at now + notice', () => {
    const now = at('2026-01-05T07:00:00Z');
    const slots = slotsOn({ ...r, minNoticeMinutes: 120 }, '2026-01-05', '2026-01-05', [], now);
    expect(starts(slots)).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-05T09:30:00.000Z']);
  });

  it('drops slots starting at or after now + maxAdvanceDays', () => {
    const now = at('2026-01-05T09:00:00Z');
    const slots = slotsOn({ ...r, maxAdvanceDays: 7 }, '2026-01-05', '2026-01-19', [], now);
    expect(starts(slots)).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-01-05T09:30:00.000Z',
      '2026-01-12T08:00:00.000Z',
      '2026-01-12T08:30:00.000Z',
    ]);
  });
});

describe('generateSlots: daylight-saving changes', () => {
  it('Europe/London spring forward (2026-03-29): the lost hour yields no slots', () => {
    const r = rules({ slotMinutes: 60, weekly: [{ weekday: SUN, start: '00:00', end: '04:00' }] });
    // 00:00 GMT, then 02:00 and 03:00 BST: three real hours.
    expect(starts(slotsOn(r, '2026-03-29'))).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
  });

  it('Europe/London spring forward: a start inside the gap moves forward like luxon', () => {
    const r = rules({ overrides: [{ date: '2026-03-29', intervals: [{ start: '01:30', end: '03:30' }] }] });
    // 01:30 does not exist; it becomes 02:30 BST (01:30Z). 03:30 BST is 02:30Z.
    expect(starts(slotsOn(r, '2026-03-29'))).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-29T02:00:00.000Z']);
  });

  it('Europe/London spring forward: intervals that meet in UTC give no duplicates', () => {
    const r = rules({
      overrides: [
        {
          date: '2026-03-29',
          intervals: [
            { start: '00:00', end: '01:30' }, // ends at 02:30 BST = 01:30Z
            { start: '02:00', end: '03:00' }, // 02:00 BST = 01:00Z
          ],
        },
      ],
    });
    const slots = slotsOn(r, '2026-03-29');
    expect(starts(slots)).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
    expectWellFormed(slots, 30);
  });

  it('Europe/London fall back (2026-10-25): the repeated hour is real time, no overlaps', () => {
    const r = rules({ weekly: [{ weekday: SUN, start: '00:00', end: '03:00' }] });
    const slots = slotsOn(r, '2026-10-25');
    // 00:00 BST (23:00Z the day before) to 03:00 GMT: four real hours.
    expect(starts(slots)).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-24T23:30:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T02:30:00.000Z',
    ]);
    expectWellFormed(slots, 30);
    // All of them are on the doctor's Sunday.
    expect(groupSlotsByDate(slots, 'Europe/London').map((d) => [d.date, d.slots.length])).toEqual([['2026-10-25', 8]]);
  });

  it('Europe/London: the same weekly rule moves in UTC across both changes', () => {
    const r = rules({ weekly: [{ weekday: SUN, start: '09:00', end: '09:30' }] });
    expect(starts(slotsOn(r, '2026-03-22', '2026-04-05'))).toEqual([
      '2026-03-22T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-04-05T08:00:00.000Z',
    ]);
    expect(starts(slotsOn(r, '2026-10-18', '2026-11-01'))).toEqual([
      '2026-10-18T08:00:00.000Z',
      '2026-10-25T09:00:00.000Z',
      '2026-11-01T09:00:00.000Z',
    ]);
  });

  it('America/New_York spring forward (2026-03-08)', () => {
    const r = rules({
      timeZone: 'America/New_York',
      slotMinutes: 60,
      weekly: [
        { weekday: SUN, start: '01:00', end: '04:00' },
        { weekday: SUN, start: '09:00', end: '10:00' },
      ],
    });
    // 01:00 EST = 06:00Z, 03:00 EDT = 07:00Z, 04:00 EDT = 08:00Z; 09:00 EDT = 13:00Z.
    expect(starts(slotsOn(r, '2026-03-08'))).toEqual([
      '2026-03-08T06:00:00.000Z',
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
    ]);
    expect(starts(slotsOn(r, '2026-03-01')).at(-1)).toBe('2026-03-01T14:00:00.000Z');
  });

  it('America/New_York fall back (2026-11-01)', () => {
    const r = rules({ timeZone: 'America/New_York', slotMinutes: 60, weekly: [{ weekday: SUN, start: '00:00', end: '03:00' }] });
    // 00:00 EDT = 04:00Z to 03:00 EST = 08:00Z: four real hours.
    const slots = slotsOn(r, '2026-11-01');
    expect(starts(slots)).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ]);
    expectWellFormed(slots, 60);
  });

  it('America/New_York fall back: an ambiguous start resolves as luxon does (standard time)', () => {
    const r = rules({
      timeZone: 'America/New_York',
      overrides: [{ date: '2026-11-01', intervals: [{ start: '01:30', end: '02:30' }] }],
    });
    expect(starts(slotsOn(r, '2026-11-01'))).toEqual(['2026-11-01T06:30:00.000Z', '2026-11-01T07:00:00.000Z']);
  });
});

describe('generateSlots: other zones and viewers', () => {
  it('Asia/Kolkata (+05:30) wall times', () => {
    const r = rules({
      timeZone: 'Asia/Kolkata',
      weekly: [
        { weekday: MON, start: '00:00', end: '00:30' },
        { weekday: MON, start: '09:00', end: '10:00' },
      ],
    });
    expect(starts(slotsOn(r, '2026-01-05'))).toEqual([
      '2026-01-04T18:30:00.000Z',
      '2026-01-05T03:30:00.000Z',
      '2026-01-05T04:00:00.000Z',
    ]);
  });

  it('groups a New York evening slot on the next date for a viewer in Tokyo', () => {
    const r = rules({ timeZone: 'America/New_York', slotMinutes: 60, weekly: [{ weekday: MON, start: '20:00', end: '22:00' }] });
    const tokyoTuesday = generateSlots(r, viewerDateRangeToUtc('2026-01-06', '2026-01-06', 'Asia/Tokyo'), [], longAgo);
    expect(starts(tokyoTuesday)).toEqual(['2026-01-06T01:00:00.000Z', '2026-01-06T02:00:00.000Z']);
    expect(groupSlotsByDate(tokyoTuesday, 'Asia/Tokyo')).toEqual([
      {
        date: '2026-01-06',
        slots: [
          { start: '2026-01-06T01:00:00.000Z', end: '2026-01-06T02:00:00.000Z' },
          { start: '2026-01-06T02:00:00.000Z', end: '2026-01-06T03:00:00.000Z' },
        ],
      },
    ]);
    expect(groupSlotsByDate(tokyoTuesday, 'America/New_York').map((d) => d.date)).toEqual(['2026-01-05']);
    // The Tokyo Monday holds none of them.
    expect(generateSlots(r, viewerDateRangeToUtc('2026-01-05', '2026-01-05', 'Asia/Tokyo'), [], longAgo)).toEqual([]);
  });

  it('returns slots starting in [from, to): one running across from is out, one starting at to is out', () => {
    const r = rules({ weekly: [{ weekday: MON, start: '09:00', end: '11:00' }] });
    const slots = generateSlots(r, { from: at('2026-01-05T09:15:00Z'), to: at('2026-01-05T10:00:00Z') }, [], longAgo);
    expect(starts(slots)).toEqual(['2026-01-05T09:30:00.000Z']);
    expect(
      starts(generateSlots(r, { from: at('2026-01-05T09:30:00Z'), to: at('2026-01-05T09:30:00.001Z') }, [], longAgo)),
    ).toEqual(['2026-01-05T09:30:00.000Z']);
    expect(generateSlots(r, { from: at('2026-01-05T10:00:00Z'), to: at('2026-01-05T10:00:00Z') }, [], longAgo)).toEqual([]);
  });

  it('gives the same slots for a month as for each of its days', () => {
    const r = rules({
      bufferMinutes: 5,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
    });
    const month = slotsOn(r, '2026-03-15', '2026-04-10');
    const byDay: TimeSpan[] = [];
    for (let d = 15; d <= 41; d++) {
      const date = new Date(Date.UTC(2026, 2, d)).toISOString().slice(0, 10);
      for (const s of slotsOn(r, date)) if (!byDay.some((b) => b.start.getTime() === s.start.getTime())) byDay.push(s);
    }
    expect(starts(month)).toEqual(starts(byDay));
    expectWellFormed(month, 30);
  });
});

describe('a kept grid checked later (what a date search does)', () => {
  const viewers = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati'];
  const doctors = [
    rules({ bufferMinutes: 10, weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:30', end: '02:30' })) }),
    rules({ timeZone: 'America/New_York', weekly: [{ weekday: SUN, start: '00:00', end: '24:00' }] }),
    rules({
      timeZone: 'Asia/Kolkata',
      minNoticeMinutes: 600,
      maxAdvanceDays: 2,
      weekly: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      overrides: [{ date: '2026-03-30', intervals: [{ start: '18:00', end: '20:00' }] }],
    }),
  ];

  it('gives what generateSlots gives, on daylight-saving days too, whatever now and the busy time', () => {
    const busy = [span('2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z'), span('2026-03-30T13:00:00Z', '2026-03-30T15:00:00Z')];
    let compared = 0;
    for (const date of ['2026-03-08', '2026-03-28', '2026-03-29', '2026-03-30', '2026-10-25', '2026-11-01'])
      for (const viewer of viewers)
        for (const doctor of doctors) {
          const range = viewerDateRangeToUtc(date, date, viewer);
          const grid = slotGridBetween(doctor, range);
          for (const now of [longAgo, new Date(range.from.getTime() - 86_400_000), new Date(range.from.getTime() + 3_600_000)]) {
            const expected = generateSlots(doctor, range, busy, now);
            expect(starts(bookableSlots(grid, doctor, busy, now))).toEqual(starts(expected));
            compared += expected.length;
          }
        }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('listing a viewer’s days (what list-slots does)', () => {
  const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
  /** The viewer's dates as a UTC range, the engine, then grouped by the viewer's dates. */
  const listDays = (r: AvailabilityRules, from: string, to: string, tz: string) =>
    groupSlotsByDate(generateSlots(r, viewerDateRangeToUtc(from, to, tz), [], longAgo), tz);
  /** Luxon, not the code under test, says which date an instant is on in a zone. */
  const dateIn = (instant: Date | string, tz: string) => DateTime.fromJSDate(new Date(instant), { zone: tz }).toISODate();

  it('leaves out a slot that started on the day before (Kolkata doctor, Los Angeles viewer)', () => {
    const r = rules({
      timeZone: 'Asia/Kolkata',
      slotMinutes: 60,
      weekly: [MON, 2].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    // LA's 2026-12-07 is 08:00Z..08:00Z; 13:00 IST (07:30Z) ran into it from the 6th.
    const days = listDays(r, '2026-12-07', '2026-12-07', 'America/Los_Angeles');
    expect(days.map((d) => d.date)).toEqual(['2026-12-07']);
    expect(days[0]!.slots.map((s) => s.start)).toEqual([
      '2026-12-07T08:30:00.000Z',
      '2026-12-07T09:30:00.000Z',
      '2026-12-07T10:30:00.000Z',
      '2026-12-08T03:30:00.000Z',
      '2026-12-08T04:30:00.000Z',
      '2026-12-08T05:30:00.000Z',
      '2026-12-08T06:30:00.000Z',
      '2026-12-08T07:30:00.000Z',
    ]);
  });

  // A doctor in UTC working round the clock in 30-minute slots: the viewer's
  // day holds exactly two slots per real hour it lasts.
  it.each([
    ['America/New_York', '2026-03-08', 23],
    ['America/New_York', '2026-11-01', 25],
    ['Europe/London', '2026-03-29', 23],
    ['Europe/London', '2026-10-25', 25],
    ['Australia/Lord_Howe', '2026-10-04', 23.5],
    ['Australia/Lord_Howe', '2026-04-05', 24.5],
    ['America/Santiago', '2026-09-06', 23],
    ['America/Santiago', '2026-04-04', 25],
    ['Pacific/Chatham', '2026-09-27', 23],
    ['Pacific/Chatham', '2026-04-05', 25],
    ['America/St_Johns', '2026-03-08', 23],
    ['Asia/Kathmandu', '2026-03-08', 24],
  ])('a viewer in %s sees %s as a day of %s hours', (tz, date, hours) => {
    const r = rules({ timeZone: 'UTC', weekly: EVERY_DAY.map((weekday) => ({ weekday, start: '00:00', end: '24:00' })) });
    const days = listDays(r, date, date, tz);
    expect(days.map((d) => [d.date, d.slots.length])).toEqual([[date, hours * 2]]);
    expect(days[0]!.slots.every((s) => dateIn(s.start, tz) === date)).toBe(true);
  });

  const schedules = {
    'round the clock, 60-minute slots': rules({
      slotMinutes: 60,
      weekly: EVERY_DAY.map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
    }),
    'split days, 45-minute slots and a 10-minute buffer': rules({
      slotMinutes: 45,
      bufferMinutes: 10,
      weekly: EVERY_DAY.flatMap((weekday) => [
        { weekday, start: '00:00', end: '02:30' },
        { weekday, start: '09:05', end: '12:00' },
        { weekday, start: '22:15', end: '24:00' },
      ]),
    }),
  };
  // [doctor's zone, viewer's zone, viewer's first and last date]: each DST
  // change seen from the doctor's side and from the viewer's, with half-hour
  // and 45-minute zones on the other side.
  const cases: [string, string, string, string][] = [
    ['Asia/Kolkata', 'America/Los_Angeles', '2026-12-07', '2026-12-07'],
    ['Asia/Kolkata', 'America/New_York', '2026-03-07', '2026-03-09'],
    ['America/New_York', 'Asia/Kathmandu', '2026-03-08', '2026-03-09'],
    ['America/St_Johns', 'America/New_York', '2026-10-31', '2026-11-02'],
    ['America/New_York', 'Pacific/Chatham', '2026-11-01', '2026-11-02'],
    ['Asia/Kathmandu', 'Europe/London', '2026-03-29', '2026-03-29'],
    ['Europe/London', 'America/St_Johns', '2026-03-28', '2026-03-30'],
    ['Pacific/Chatham', 'Europe/London', '2026-10-25', '2026-10-25'],
    ['Europe/London', 'Asia/Kolkata', '2026-10-24', '2026-10-26'],
    ['Asia/Kolkata', 'Australia/Lord_Howe', '2026-10-04', '2026-10-04'],
    ['Australia/Lord_Howe', 'Asia/Kathmandu', '2026-04-04', '2026-04-06'],
    ['Australia/Lord_Howe', 'America/Santiago', '2026-10-03', '2026-10-05'],
    ['America/St_Johns', 'America/Santiago', '2026-09-06', '2026-09-06'],
    ['America/Santiago', 'Asia/Kolkata', '2026-04-04', '2026-04-05'],
    ['Pacific/Chatham', 'America/Santiago', '2026-04-04', '2026-04-05'],
    ['America/Santiago', 'Pacific/Chatham', '2026-09-26', '2026-09-27'],
    ['Asia/Kathmandu', 'Pacific/Chatham', '2026-04-05', '2026-04-05'],
  ];
  describe.each(Object.entries(schedules))('%s', (_, schedule) => {
    it.each(cases)('doctor in %s, viewer in %s, %s to %s', (doctorZone, viewerZone, from, to) => {
      const r = { ...schedule, timeZone: doctorZone };
      const days = listDays(r, from, to, viewerZone);
      // Every slot the doctor offers from two days before to two days after,
      // kept when it starts on one of the viewer's dates.
      const around = viewerDateRangeToUtc(addDays(from, -2), addDays(to, 2), viewerZone);
      const expected = generateSlots(r, around, [], longAgo).filter((s) => {
        const date = dateIn(s.start, viewerZone)!;
        return from <= date && date <= to;
      });
      expect(expected.length).toBeGreaterThan(0);
      for (const day of days)
        for (const slot of day.slots) expect([slot.start, dateIn(slot.start, viewerZone)]).toEqual([slot.start, day.date]);
      expect(days.flatMap((d) => d.slots.map((s) => s.start))).toEqual(starts(expected));
    });
  });
});

describe('generateSlots: busy time', () => {
  const r = rules({ weekly: [{ weekday: MON, start: '09:00', end: '12:00' }] });

  it('drops slots overlapping a busy interval; touching is fine', () => {
    const busy = [span('2026-01-05T09:30:00Z', '2026-01-05T10:15:00Z'), span('2026-01-05T08:00:00Z', '2026-01-05T09:00:00Z')];
    expect(starts(slotsOn(r, '2026-01-05', '2026-01-05', busy))).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-01-05T10:30:00.000Z',
      '2026-01-05T11:00:00.000Z',
      '2026-01-05T11:30:00.000Z',
    ]);
  });

  it('with a buffer: a booking and its buffer block only its own slot', () => {
    const withBuffer = { ...r, bufferMinutes: 10 };
    expect(starts(slotsOn(withBuffer, '2026-01-05'))).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-01-05T09:40:00.000Z',
      '2026-01-05T10:20:00.000Z',
      '2026-01-05T11:00:00.000Z',
    ]);
    const booked = occupiedSpan(at('2026-01-05T09:40:00Z'), at('2026-01-05T10:10:00Z'), 10);
    expect(starts(slotsOn(withBuffer, '2026-01-05', '2026-01-05', [booked]))).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-01-05T10:20:00.000Z',
      '2026-01-05T11:00:00.000Z',
    ]);
  });

  it('with a buffer: a slot whose own buffer would run into busy time is not offered', () => {
    const withBuffer = { ...r, bufferMinutes: 10 };
    // Booked under older rules at 09:35: the 09:00 slot plus its buffer ends at 09:40.
    const busy = [span('2026-01-05T09:35:00Z', '2026-01-05T09:40:00Z')];
    expect(starts(slotsOn(withBuffer, '2026-01-05', '2026-01-05', busy))).toEqual([
      '2026-01-05T09:40:00.000Z',
      '2026-01-05T10:20:00.000Z',
      '2026-01-05T11:00:00.000Z',
    ]);
  });
});

describe('isSlotOffered', () => {
  const r = rules({ minNoticeMinutes: 120, maxAdvanceDays: 14, weekly: [{ weekday: MON, start: '09:00', end: '12:00' }] });
  const now = at('2026-01-05T07:00:00Z');

  it('returns the slot for an instant that is listed', () => {
    expect(isSlotOffered(r, at('2026-01-05T09:30:00Z'), [], now)).toEqual(span('2026-01-05T09:30:00Z', '2026-01-05T10:00:00Z'));
  });

  it('is null off the grid, inside the notice, when busy, beyond the horizon, and on a day off', () => {
    const dayOff = { ...r, overrides: [{ date: '2026-01-12', unavailable: true as const }] };
    expect(isSlotOffered(r, at('2026-01-05T09:10:00Z'), [], now)).toBeNull();
    expect(isSlotOffered(r, at('2026-01-05T08:30:00Z'), [], now)).toBeNull(); // before opening
    expect(isSlotOffered(r, at('2026-01-05T09:00:00Z'), [], at('2026-01-05T07:01:00Z'))).toBeNull();
    expect(isSlotOffered(r, at('2026-01-05T09:30:00Z'), [span('2026-01-05T09:45:00Z', '2026-01-05T10:15:00Z')], now)).toBeNull();
    expect(isSlotOffered(r, at('2026-01-19T09:00:00Z'), [], now)).toBeNull();
    expect(isSlotOffered(r, at('2026-01-12T09:00:00Z'), [], now)).not.toBeNull();
    expect(isSlotOffered(dayOff, at('2026-01-12T09:00:00Z'), [], now)).toBeNull();
    expect(isSlotOffered(r, new Date(Number.NaN), [], now)).toBeNull();
  });

  it('agrees with generateSlots at every 5-minute instant across DST weeks', () => {
    const everyDay = rules({
      bufferMinutes: 10,
      minNoticeMinutes: 0,
      weekly: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
        { weekday, start: '00:00', end: '02:30' },
        { weekday, start: '09:05', end: '12:00' },
      ]),
    });
    const busy = [span('2026-10-25T00:10:00Z', '2026-10-25T00:50:00Z')];
    for (const [from, to] of [
      ['2026-03-27', '2026-03-31'],
      ['2026-10-23', '2026-10-27'],
    ] as const) {
      const range = viewerDateRangeToUtc(from, to, everyDay.timeZone);
      const listed = new Set(starts(generateSlots(everyDay, range, busy, longAgo)));
      for (let t = range.from.getTime(); t < range.to.getTime(); t += 5 * 60_000) {
        const offered = isSlotOffered(everyDay, new Date(t), busy, longAgo);
        expect([new Date(t).toISOString(), offered !== null]).toEqual([
          new Date(t).toISOString(),
          listed.has(new Date(t).toISOString()),
        ]);
      }
    }
  });
});

describe('groupSlotsByDate', () => {
  it('sorts, uses the viewer’s dates and leaves out empty days', () => {
    const slots = [span('2026-01-07T10:00:00Z', '2026-01-07T10:30:00Z'), span('2026-01-05T23:30:00Z', '2026-01-06T00:00:00Z')];
    expect(groupSlotsByDate(slots, 'UTC')).toEqual([
      { date: '2026-01-05', slots: [{ start: '2026-01-05T23:30:00.000Z', end: '2026-01-06T00:00:00.000Z' }] },
      { date: '2026-01-07', slots: [{ start: '2026-01-07T10:00:00.000Z', end: '2026-01-07T10:30:00.000Z' }] },
    ]);
    expect(groupSlotsByDate(slots, 'Europe/Berlin').map((d) => d.date)).toEqual(['2026-01-06', '2026-01-07']);
    expect(groupSlotsByDate([], 'UTC')).toEqual([]);
  });
});

describe('claimCells', () => {
  it('covers the appointment and its buffer in 5-minute UTC cells', () => {
    const cells = claimCells(at('2026-01-05T09:00:00Z'), at('2026-01-05T09:30:00Z'), 10);
    expect(cells.map((c) => c.toISOString())).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-01-05T09:05:00.000Z',
      '2026-01-05T09:10:00.000Z',
      '2026-01-05T09:15:00.000Z',
      '2026-01-05T09:20:00.000Z',
      '2026-01-05T09:25:00.000Z',
      '2026-01-05T09:30:00.000Z',
      '2026-01-05T09:35:00.000Z',
    ]);
  });

  it('floors the start and ceils the end to the cell grid', () => {
    const cells = claimCells(at('2026-01-05T09:02:00Z'), at('2026-01-05T09:31:00Z'), 0);
    expect(cells[0]!.toISOString()).toBe('2026-01-05T09:00:00.000Z');
    expect(cells.at(-1)!.toISOString()).toBe('2026-01-05T09:30:00.000Z');
    expect(cells).toHaveLength(7);
    expect(claimCells(at('2026-01-05T09:00:00Z'), at('2026-01-05T10:00:00Z'), 0, 15)).toHaveLength(4);
  });

  it('makes overlapping bookings share a cell and back-to-back grid bookings share none', () => {
    const ids = (start: string, end: string) => new Set(claimCells(at(start), at(end), 10).map((c) => claimId('d1', c)));
    const first = ids('2026-01-05T09:00:00Z', '2026-01-05T09:30:00Z');
    const next = ids('2026-01-05T09:40:00Z', '2026-01-05T10:10:00Z');
    const clash = ids('2026-01-05T09:35:00Z', '2026-01-05T10:05:00Z');
    expect([...first].some((id) => next.has(id))).toBe(false);
    expect([...first].some((id) => clash.has(id))).toBe(true);
    expect([...first][0]).toBe('d1:2026-01-05T09:00:00.000Z');
  });
});
