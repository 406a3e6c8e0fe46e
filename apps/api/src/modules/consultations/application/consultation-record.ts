import type { Consultation } from '@doctime/contracts';
import { foldAttendance } from '../domain/attendance.ts';
import { callWindow } from '../domain/call-window.ts';
import type { AppointmentFacts, ConsultationsDeps } from './ports.ts';

export function makeConsultationRecord(deps: ConsultationsDeps) {
  /**
   * What the appointment's page shows of its consultation: each side's joins and leaves, when
   * the call (both present) started and ended and how long it lasted, who is in it now. For a
   * caller that the appointments module has already checked.
   */
  return async function consultationRecord(facts: Pick<AppointmentFacts, 'id' | 'start' | 'end'>): Promise<Consultation> {
    const { opensAt, closesAt } = callWindow(facts);
    const now = deps.clock.now();
    const until = now.getTime() < closesAt.getTime() ? now : closesAt;
    // Nobody can have joined before the room opened: an upcoming appointment's page reads nothing here.
    const events = now.getTime() < opensAt.getTime() ? [] : await deps.attendance.eventsOf(facts.id);
    const record = foldAttendance(events, until);
    return {
      ...(record.startedAt ? { startedAt: record.startedAt.toISOString(), durationSeconds: record.durationSeconds ?? 0 } : {}),
      ...(record.endedAt ? { endedAt: record.endedAt.toISOString() } : {}),
      attendance: record.attendance.map((stay) => ({
        side: stay.side,
        joinedAt: stay.joinedAt.toISOString(),
        ...(stay.leftAt ? { leftAt: stay.leftAt.toISOString() } : {}),
      })),
      present: until === now ? record.present : [],
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    };
  };
}
