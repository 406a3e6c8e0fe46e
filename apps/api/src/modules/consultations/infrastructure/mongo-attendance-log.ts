import type { Db } from 'mongodb';
import { makeSequencedLog } from '../../../platform/mongo/sequenced-log.ts';
import type { AttendanceEvent } from '../domain/attendance.ts';
import type { AttendanceLog } from '../application/ports.ts';

interface StoredEvent {
  side: AttendanceEvent['side'];
  kind: AttendanceEvent['kind'];
  connection: string;
  at: Date;
}

/**
 * Each appointment's joins and leaves as a sequenced log (`consultation_attendance`,
 * `<appointmentId>:<seq>` by insert-or-fail): any process appends, nothing is ever changed,
 * and reading it is a tail probe and a few `_id` reads (a call has a handful of entries).
 */
export function makeMongoAttendanceLog(db: Db): AttendanceLog {
  const log = makeSequencedLog<StoredEvent>(db, 'consultation_attendance', { cache: 1_000 });
  return {
    async record(appointmentId, event) {
      await log.append(appointmentId, { ...event });
    },
    async eventsOf(appointmentId) {
      const last = await log.tail(appointmentId);
      const entries = last ? await log.readRange(appointmentId, 1, last) : [];
      return entries.filter((e): e is StoredEvent => e !== null).map((e) => ({ ...e, at: new Date(e.at) }));
    },
  };
}
