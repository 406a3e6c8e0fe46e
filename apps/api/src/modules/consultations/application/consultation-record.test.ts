import { describe, expect, it } from 'vitest';
import type { AttendanceEvent } from '../domain/attendance.ts';
import { makeConsultationRecord } from './consultation-record.ts';
import type { ConsultationsDeps } from './ports.ts';

const appointment = { id: 'a1', start: new Date('2026-12-01T10:00:00Z'), end: new Date('2026-12-01T10:30:00Z') };
const at = (iso: string) => new Date(iso);

function recordAt(now: Date, events: AttendanceEvent[]) {
  const reads: string[] = [];
  const deps = {
    clock: { now: () => now },
    attendance: {
      record: async () => undefined,
      eventsOf: async (id: string) => (reads.push(id), events),
    },
  } as unknown as ConsultationsDeps;
  return { reads, record: makeConsultationRecord(deps)(appointment) };
}

const call: AttendanceEvent[] = [
  { side: 'patient', kind: 'joined', connection: 's1', at: at('2026-12-01T09:55:00Z') },
  { side: 'doctor', kind: 'joined', connection: 's2', at: at('2026-12-01T10:00:00Z') },
];

describe('consultationRecord', () => {
  it('reads no attendance before the room opens (an upcoming appointment has none)', async () => {
    const { reads, record } = recordAt(at('2026-12-01T09:49:59Z'), call);
    expect(await record).toEqual({
      attendance: [],
      present: [],
      opensAt: '2026-12-01T09:50:00.000Z',
      closesAt: '2026-12-01T11:00:00.000Z',
    });
    expect(reads).toEqual([]);
  });

  it('folds the log while the room is open, and says nobody is present once it has closed', async () => {
    const during = recordAt(at('2026-12-01T10:10:00Z'), call);
    expect(await during.record).toMatchObject({ startedAt: '2026-12-01T10:00:00.000Z', durationSeconds: 600 });
    expect((await during.record).present.sort()).toEqual(['doctor', 'patient']);
    expect(during.reads).toEqual(['a1']);
    const after = recordAt(at('2026-12-01T12:00:00Z'), call);
    expect(await after.record).toMatchObject({ durationSeconds: 3_600, present: [] });
  });
});
