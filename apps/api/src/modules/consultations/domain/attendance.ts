/**
 * What a consultation's attendance log says: each side's time in the call and
 * the call itself (both sides present). The log holds joins and leaves per
 * connection (a tab), in the order they were stored; a leave of a connection
 * that is not in the call changes nothing, so a late or repeated leave is
 * harmless. Invariant: the call's duration is the total time during which
 * both sides had a connection in it, counted up to `until` (now, or the end
 * of the call window: a process that died without recording a leave does not
 * make a call last for ever).
 */
export type Side = 'patient' | 'doctor';

export interface AttendanceEvent {
  side: Side;
  kind: 'joined' | 'left';
  /** The connection (socket) that joined or left. */
  connection: string;
  at: Date;
}

export interface Presence {
  side: Side;
  joinedAt: Date;
  leftAt?: Date;
}

export interface ConsultationRecord {
  /** When both sides were first in the call. */
  startedAt?: Date;
  /** When the last time both were in the call ended (absent while they still are). */
  endedAt?: Date;
  /** Seconds both sides spent in the call together. */
  durationSeconds?: number;
  /** Every stay of either side, oldest first. */
  attendance: Presence[];
  /** The sides in the call now. */
  present: Side[];
}

export function foldAttendance(events: readonly AttendanceEvent[], until: Date): ConsultationRecord {
  const open = new Map<string, Presence>();
  const attendance: Presence[] = [];
  let together: Date | undefined;
  let startedAt: Date | undefined;
  let endedAt: Date | undefined;
  let totalMs = 0;
  const bothIn = () => new Set([...open.values()].map((p) => p.side)).size === 2;

  for (const event of events) {
    const at = event.at.getTime() > until.getTime() ? until : event.at;
    const key = `${event.side}:${event.connection}`;
    if (event.kind === 'joined') {
      if (open.has(key)) continue;
      const stay: Presence = { side: event.side, joinedAt: at };
      open.set(key, stay);
      attendance.push(stay);
    } else {
      const stay = open.get(key);
      if (!stay) continue;
      stay.leftAt = at;
      open.delete(key);
    }
    if (!together && bothIn()) {
      together = at;
      startedAt ??= at;
      endedAt = undefined;
    } else if (together && !bothIn()) {
      totalMs += at.getTime() - together.getTime();
      together = undefined;
      endedAt = at;
    }
  }
  if (together) totalMs += Math.max(0, until.getTime() - together.getTime());
  const present = [...new Set([...open.values()].map((p) => p.side))];
  return {
    ...(startedAt ? { startedAt, durationSeconds: Math.round(totalMs / 1000) } : {}),
    ...(endedAt ? { endedAt } : {}),
    attendance,
    present,
  };
}
