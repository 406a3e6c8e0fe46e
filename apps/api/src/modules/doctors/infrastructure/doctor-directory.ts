import { kycStatuses, type KycStatus } from '@doctime/contracts';
import { escapeRegExp } from '../../../platform/mongo/escape-regexp.ts';
import { compareText, pageOf, SortedList } from '../../../platform/sorted-list.ts';
import type { DoctorSearch } from '../application/ports.ts';
import type { Doctor } from '../domain/doctor.ts';

/** A doctor with its languages lower-cased once (the language filter matches them exactly). */
interface Entry {
  doctor: Doctor;
  languagesLower: string[];
}
type Order = (a: Entry, b: Entry) => number;

const compareNumbers = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);
const byId: Order = (a, b) => compareText(a.doctor.id, b.doctor.id);
// Only listed doctors are in the search orders, and a listed doctor has a profile.
const fee = (e: Entry) => e.doctor.profile!.consultationFee.amount;
const experience = (e: Entry) => e.doctor.profile!.experienceYears;

/** The search orders, each the Mongo sort it replaced (ties by `_id`). */
const searchOrders: Record<DoctorSearch['sort'], Order> = {
  relevance: (a, b) => compareNumbers(experience(b), experience(a)) || compareText(a.doctor.name, b.doctor.name) || byId(a, b),
  fee_asc: (a, b) => compareNumbers(fee(a), fee(b)) || byId(a, b),
  fee_desc: (a, b) => compareNumbers(fee(b), fee(a)) || byId(a, b),
  experience_desc: (a, b) => compareNumbers(experience(b), experience(a)) || byId(a, b),
  name_asc: (a, b) => compareText(a.doctor.name, b.doctor.name) || byId(a, b),
};

/** The KYC queue's order, `{ 'kyc.submittedAt': 1, _id: 1 }`: a missing date sorts first, as in MongoDB. */
const submittedAt = (e: Entry) => e.doctor.kyc.submittedAt?.getTime() ?? -Infinity;
const queueOrder: Order = (a, b) => compareNumbers(submittedAt(a), submittedAt(b)) || byId(a, b);

/**
 * What search shows, as the query `{ 'kyc.status': 'approved', blocked: false,
 * profile: { $ne: null } }` matched it (domain isListed, read as strictly as
 * MongoDB reads stored fields).
 */
const isListedRecord = ({ doctor }: Entry) =>
  doctor.kyc.status === 'approved' && doctor.blocked === false && doctor.profile !== null && doctor.profile !== undefined;

/** A search's filters as one predicate, with the semantics of the Mongo filter it replaced. */
function matcher(s: DoctorSearch): (e: Entry) => boolean {
  // User text is escaped: matched literally and case-insensitively, as the `$regex` was.
  const text = s.text ? new RegExp(escapeRegExp(s.text), 'i') : null;
  const language = s.language?.toLowerCase();
  const ids = s.ids ? new Set(s.ids) : null;
  return ({ doctor: d, languagesLower }) => {
    const p = d.profile!;
    return (
      (!text || text.test(d.name) || (typeof d.specialtyName === 'string' && text.test(d.specialtyName))) &&
      (!s.specialtyId || p.specialtyId === s.specialtyId) &&
      (!language || languagesLower.includes(language)) &&
      (!s.gender || p.gender === s.gender) &&
      (s.maxFee === undefined || p.consultationFee.amount <= s.maxFee) &&
      (!ids || ids.has(d.id))
    );
  };
}

/**
 * Every doctor of this process's mirror, kept in the orders search and the KYC
 * queue page through: listed doctors once per search order, every doctor in
 * its KYC status's queue. A search is one pass over one ordered list (no sort
 * per request), a queue page a slice, the counts the queues' sizes. Doctors
 * are also kept by the blind index of their registration number (`indexOf`).
 */
export function makeDoctorDirectory(indexOf: (registrationNumber: string) => string = (n) => n) {
  const entries = new Map<string, Entry>();
  const byRegistration = new Map<string, Set<string>>();
  const registrationOf = (d: Doctor) => (d.kyc.registrationNumber ? indexOf(d.kyc.registrationNumber) : undefined);
  function index(d: Doctor, present: boolean) {
    const key = registrationOf(d);
    if (!key) return;
    const ids = byRegistration.get(key) ?? new Set<string>();
    if (present) byRegistration.set(key, ids.add(d.id));
    else if (ids.delete(d.id) && !ids.size) byRegistration.delete(key);
  }
  const listed = Object.fromEntries(Object.entries(searchOrders).map(([sort, order]) => [sort, new SortedList(order)])) as Record<
    DoctorSearch['sort'],
    SortedList<Entry>
  >;
  const queues = Object.fromEntries(kycStatuses.map((status) => [status, new SortedList(queueOrder)])) as Record<
    KycStatus,
    SortedList<Entry>
  >;

  const toEntry = (doctor: Doctor): Entry => ({
    doctor,
    languagesLower: doctor.profile?.languages.map((l) => l.toLowerCase()) ?? [],
  });
  /** The lists an entry belongs in (a status outside the known ones is in no queue, as no query asked for it). */
  const listsOf = (e: Entry) => [
    ...(kycStatuses.includes(e.doctor.kyc.status) ? [queues[e.doctor.kyc.status]] : []),
    ...(isListedRecord(e) ? Object.values(listed) : []),
  ];

  return {
    reset(doctors: Doctor[]) {
      entries.clear();
      byRegistration.clear();
      for (const d of doctors) {
        entries.set(d.id, toEntry(d));
        index(d, true);
      }
      const all = [...entries.values()];
      for (const list of Object.values(listed)) list.reset(all.filter(isListedRecord));
      for (const status of kycStatuses) queues[status].reset(all.filter((e) => e.doctor.kyc.status === status));
    },
    /** A newer version of one doctor. */
    put(doctor: Doctor) {
      const old = entries.get(doctor.id);
      if (old) for (const list of listsOf(old)) list.remove(old);
      if (old) index(old.doctor, false);
      const entry = toEntry(doctor);
      entries.set(doctor.id, entry);
      index(doctor, true);
      for (const list of listsOf(entry)) list.insert(entry);
    },
    searchListed(s: DoctorSearch): { items: Doctor[]; total: number } {
      const { items, total } = pageOf(listed[s.sort].values(), matcher(s), s.skip, s.limit);
      return { items: items.map((e) => e.doctor), total };
    },
    listByKycStatus(status: KycStatus, skip: number, limit: number): { items: Doctor[]; total: number } {
      const queue = queues[status];
      return {
        items: queue
          .values()
          .slice(skip, skip + limit)
          .map((e) => e.doctor),
        total: queue.size,
      };
    },
    withRegistration(registrationNumber: string): Doctor[] {
      return [...(byRegistration.get(indexOf(registrationNumber)) ?? [])].map((id) => entries.get(id)!.doctor);
    },
    countByKycStatus(): Record<KycStatus, number> {
      return Object.fromEntries(kycStatuses.map((status) => [status, queues[status].size])) as Record<KycStatus, number>;
    },
  };
}
