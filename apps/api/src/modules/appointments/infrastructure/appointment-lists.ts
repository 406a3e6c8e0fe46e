import type { Db } from 'mongodb';
import { SLOT_MINUTES_MAX } from '@doctime/contracts';
import { makeTimelineLists, type PagePlan } from '../../../platform/mongo/timeline-lists.ts';
import { isUpcoming, type Appointment } from '../domain/appointment.ts';

/**
 * What a list holds of an appointment: enough to place, count and filter it, and no personal
 * or health data (names, reason, history): a page reads those from the records it shows.
 */
export type AppointmentEntry = Pick<Appointment, 'id' | 'status' | 'start' | 'end'>;

const EVERYONE = 'all';
/** The prefix of the lists' collections (the lists before decision 0017 held whole appointments, as `appointment_timelines`). */
export const LISTS_NAME = 'appointment_entries';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * Where an appointment is listed, so that a page reads few small records and a
 * change rewrites a small one: a patient's list by year > UTC month (a few
 * appointments each), a doctor's by year > week (named by its Monday, UTC; a
 * busy doctor's month would be hundreds), everyone's (the admin's) by year >
 * month > day > hour. Each key starts with its parent's and sorts in time order.
 */
export function pathOf(owner: string, at: number): string[] {
  const iso = new Date(at).toISOString();
  if (owner.startsWith('patient:')) return [iso.slice(0, 4), iso.slice(0, 7)];
  if (owner === EVERYONE) return [iso.slice(0, 4), iso.slice(0, 7), iso.slice(0, 10), iso.slice(0, 13)];
  const monday = new Date(at - ((new Date(at).getUTCDay() + 6) % 7) * DAY_MS).toISOString();
  return [monday.slice(0, 4), monday.slice(0, 10)];
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
 * How a page of `owner`'s list is cut. Only the buckets around "now" (and the
 * directories holding them) must be read to tell upcoming from past; every
 * other key is wholly before or after now, so its counts say how many match.
 */
export function pagePlan({ scope, status, now, skip, limit }: ListQuery, owner: string): PagePlan<AppointmentEntry> {
  const current = pathOf(owner, now.getTime()).at(-1)!;
  // Every bucket an appointment still running may have started in: times from now - LONGEST_MS to
  // now, an hour apart (the shortest bucket) and now itself.
  const since = now.getTime() - LONGEST_MS;
  const times = [...Array.from({ length: Math.ceil(LONGEST_MS / HOUR_MS) + 1 }, (_, i) => since + i * HOUR_MS), now.getTime()];
  const aroundNow = times.map((at) => pathOf(owner, at).at(-1)!);
  const uncertain = (key: string) => aroundNow.some((bucket) => bucket.startsWith(key));
  const all = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  if (scope === 'upcoming')
    return {
      order: 'asc',
      match: (item) => isUpcoming(item.value, now),
      count: (key, counts) => (uncertain(key) ? null : key > current ? (counts.confirmed ?? 0) : 0),
      prefetch: times,
      skip,
      limit,
    };
  return {
    order: 'desc',
    match: (item) => !isUpcoming(item.value, now) && (!status || item.group === status),
    count: (key, counts) => {
      if (uncertain(key)) return null;
      // Later keys hold upcoming confirmed appointments; earlier ones only past ones.
      if (status) return key > current && status === 'confirmed' ? 0 : (counts[status] ?? 0);
      return key > current ? all(counts) - (counts.confirmed ?? 0) : all(counts);
    },
    prefetch: times,
    skip,
    limit,
  };
}

/**
 * The appointment lists users wait on, as timeline lists (decision 0014): each
 * appointment is listed for its patient, its doctor and everyone, by the UTC
 * time of its start (`pathOf`), grouped by status. A page reads by `_id` the
 * owner's directories on the paths to the buckets around "now" and to those
 * it shows, and those buckets; all others are counted from their directory.
 */
export function makeAppointmentLists(db: Db) {
  const lists = makeTimelineLists<AppointmentEntry>(db, LISTS_NAME, pathOf);
  const ownersOf = (a: Appointment) => [`patient:${a.patientId}`, `doctor:${a.doctorId}`];
  const itemOf = (a: Appointment) => ({
    id: a.id,
    version: a.version,
    at: a.start.getTime(),
    group: a.status,
    value: { id: a.id, status: a.status, start: a.start, end: a.end },
  });
  const everywhere = (a: Appointment) => ({ owners: [...ownersOf(a), EVERYONE], item: itemOf(a) });

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
      return lists.page(owner, pagePlan(query, owner));
    },
  };
}
export type AppointmentLists = ReturnType<typeof makeAppointmentLists>;
