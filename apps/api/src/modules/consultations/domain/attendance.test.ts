import { describe, expect, it } from 'vitest';
import { foldAttendance, type AttendanceEvent, type Side } from './attendance.ts';

const t = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
const joined = (side: Side, minute: number, connection: string = side): AttendanceEvent => ({
  side,
  kind: 'joined',
  connection,
  at: t(minute),
});
const left = (side: Side, minute: number, connection: string = side): AttendanceEvent => ({
  side,
  kind: 'left',
  connection,
  at: t(minute),
});

describe('foldAttendance', () => {
  it('says nothing started while only one side came', () => {
    const record = foldAttendance([joined('patient', 0), left('patient', 5)], t(30));
    expect(record).toEqual({ attendance: [{ side: 'patient', joinedAt: t(0), leftAt: t(5) }], present: [] });
  });

  it('counts only the time both sides were in the call', () => {
    const record = foldAttendance([joined('patient', 0), joined('doctor', 2), left('doctor', 12), left('patient', 13)], t(30));
    expect(record).toMatchObject({ startedAt: t(2), endedAt: t(12), durationSeconds: 600, present: [] });
  });

  it('adds up a call interrupted by a reconnect, and has it end at the last parting', () => {
    const record = foldAttendance(
      [joined('patient', 0), joined('doctor', 1), left('patient', 4), joined('patient', 5, 'tab-2'), left('doctor', 9)],
      t(30),
    );
    expect(record).toMatchObject({ startedAt: t(1), endedAt: t(9), durationSeconds: 7 * 60, present: ['patient'] });
  });

  it('counts a call still going up to `until`, with no end yet', () => {
    const record = foldAttendance([joined('doctor', 0), joined('patient', 10)], t(25));
    expect(record).toMatchObject({ startedAt: t(10), durationSeconds: 15 * 60 });
    expect(record.endedAt).toBeUndefined();
    expect(record.present.sort()).toEqual(['doctor', 'patient']);
  });

  it('ignores a leave of a connection that is not in the call, and a repeated join', () => {
    const record = foldAttendance(
      [
        joined('patient', 0),
        left('patient', 1, 'old-tab'),
        joined('patient', 2),
        joined('doctor', 3),
        left('doctor', 8),
        left('doctor', 9),
      ],
      t(30),
    );
    expect(record).toMatchObject({ startedAt: t(3), endedAt: t(8), durationSeconds: 300, present: ['patient'] });
    expect(record.attendance).toHaveLength(2);
  });

  it('keeps a side in the call while another of its tabs is (a tab taking over from another)', () => {
    const record = foldAttendance(
      [joined('doctor', 0), joined('patient', 1, 'a'), joined('patient', 2, 'b'), left('patient', 2, 'a'), left('doctor', 6)],
      t(30),
    );
    expect(record).toMatchObject({ startedAt: t(1), endedAt: t(6), durationSeconds: 300 });
  });

  it('clamps events after `until` to it (a process that never recorded a leave cannot stretch the call)', () => {
    const record = foldAttendance([joined('doctor', 0), joined('patient', 0), left('patient', 50)], t(40));
    expect(record).toMatchObject({ durationSeconds: 40 * 60, endedAt: t(40) });
  });
});
