import type { Db } from 'mongodb';
import { SLOT_MINUTES_MAX } from '@doctime/contracts';
import { makeTimelineLists, type PagePlan } from '../../../platform/mongo/timeline-lists.ts';
import { isUpcoming, listedAppointment, type Appointment, type ListedAppointment } from '../domain/appointment.ts';

/**
 * Buckets, so that a page reads few of them and a change rewrites a small one:
 * a patient's list by UTC month (a few appointments each), a doctor's by the
 * week (named by its Monday, UTC; a busy doctor's month would be hundreds),
 * everyone's (the admin's) by the day.
 */
const EVERYONE = 'all';
const DAY_MS = 86_400_000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);
function bucketOf(owner: string, at: number): string {
  if (owner.startsWith('patient:')) return isoDay(at).slice(0, 7);
  if (owner === EVERYONE) return isoDay(at);
  const sinceMonday = (new Date(at).getUTCDay() + 6) % 7;
  return isoDay(at - sinceMonday * DAY_MS);
}
/** An appointment that started before this long ago has ended (slots are at most SLOT_MINUTES_MAX long). */
const LONGEST_MS = SLOT_MINUTES_MAX * 60_000;

export interface ListQuery {
  doctorId?: string | undefined;
  patientId?: string | undefined;
  scope: 'upcoming' | 'past';
  status?: Appointment['status'] | undefined;
  now: Date;
  skip: number;
  limit: number;
}

/**
 * The appointment lists users wait on, as timeline lists (decision 0014): each
 * appointment is listed for its patient, its doctor and everyone, by the UTC
 * month or day of its start, grouped by status. A page reads the
 * owner's directory and the buckets it shows by `_id`; only the buckets around
 * "now" are read to tell upcoming from past, all others are counted from the
 * directory.
 */
export function makeAppointmentLists(db: Db) {
  const lists = makeTimelineLists<ListedAppointment>(db, 'appointment_lists', bucketOf);
  const ownersOf = (a: Appointment) => [`patient:${a.patientId}`, `doctor:${a.doctorId}`];
  const itemOf = (a: Appointment) => ({
    id: a.id,
    version: a.version,
    at: a.start.getTime(),
    group: a.status,
    value: listedAppointment(a),
  });
  const everywhere = (a: Appointment) => ({ owners: [...ownersOf(a), EVERYONE], item: itemOf(a) });

  function plan({ scope, status, now, skip, limit }: ListQuery, owner: string): PagePlan<ListedAppointment> {
    const aroundNow = new Set([bucketOf(owner, now.getTime() - LONGEST_MS), bucketOf(owner, now.getTime())]);
    const current = bucketOf(owner, now.getTime());
    const all = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    if (scope === 'upcoming')
      return {
        order: 'asc',
        match: (item) => isUpcoming(item.value, now),
        count: (b, counts) => (aroundNow.has(b) ? null : b > current ? (counts.confirmed ?? 0) : 0),
        skip,
        limit,
      };
    return {
      order: 'desc',
      match: (item) => !isUpcoming(item.value, now) && (!status || item.group === status),
      count: (b, counts) => {
        if (aroundNow.has(b)) return null;
        // Later buckets hold upcoming confirmed appointments; earlier ones only past ones.
        if (status) return b > current && status === 'confirmed' ? 0 : (counts[status] ?? 0);
        return b > current ? all(counts) - (counts.confirmed ?? 0) : all(counts);
      },
      skip,
      limit,
    };
  }

  return {
    /** Lists version `a.version` for its patient and doctor (the callers wait on these); `previous` is the version before. */
    listForParticipants: (a: Appointment, previous?: Appointment) => lists.put(ownersOf(a), itemOf(a), previous?.start.getTime()),
    /** Lists it everywhere (the outbox's delivery, and its retry when the participants' put failed). */
    listEverywhere: (a: Appointment, previous?: Appointment) =>
      lists.put([...ownersOf(a), EVERYONE], itemOf(a), previous?.start.getTime()),
    /** Lists many newest versions at once (a backfill). */
    listMany: (appointments: Appointment[]) => lists.putMany(appointments.map(everywhere)),
    /** Lists appointments imported into a database that lists none of their owners yet. */
    importMany: (appointments: Appointment[]) => lists.importMany(appointments.map(everywhere)),
    page(query: ListQuery) {
      const owner = query.patientId ? `patient:${query.patientId}` : query.doctorId ? `doctor:${query.doctorId}` : EVERYONE;
      return lists.page(owner, plan(query, owner));
    },
  };
}
export type AppointmentLists = ReturnType<typeof makeAppointmentLists>;
