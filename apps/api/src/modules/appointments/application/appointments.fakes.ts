import { AppError } from '../../../platform/app-error.ts';
import type { Appointment } from '../domain/appointment.ts';
import type { AppointmentsDeps, StoredOutcome } from './ports.ts';

/** In-memory ports for appointment use-case tests; time is "taken" per exact start. */
export function makeFakeAppointmentsDeps(now = new Date('2026-03-02T08:00:00Z')) {
  const appointments = new Map<string, Appointment>();
  const keys = new Map<string, StoredOutcome | null>();
  const held = new Map<string, string>(); // start ISO -> holdId
  const mails: { to: string; subject: string }[] = [];
  let seq = 0;
  let failNextInsert = false;

  const deps: AppointmentsDeps = {
    appointments: {
      async insert(a) {
        if (failNextInsert) {
          failNextInsert = false;
          throw new Error('database went away');
        }
        appointments.set(a.id, structuredClone(a));
      },
      findById: async (id) => structuredClone(appointments.get(id) ?? null),
      async update(before, after) {
        const current = appointments.get(after.id);
        if (!current || current.status !== before.status || current.updatedAt.getTime() !== before.updatedAt.getTime())
          return false;
        appointments.set(after.id, structuredClone(after));
        return true;
      },
      async list() {
        return { items: [...appointments.values()], total: appointments.size };
      },
      findChangedSince: async () => [],
    },
    idempotency: {
      async begin(key) {
        if (!keys.has(key)) {
          keys.set(key, null);
          return 'new';
        }
        return keys.get(key) ?? 'pending';
      },
      async finish(key, outcome) {
        keys.set(key, outcome);
      },
      async abandon(key) {
        keys.delete(key);
      },
      purgeBefore: async () => 0,
    },
    time: {
      async claimTime({ start, holdId }) {
        const iso = start.toISOString();
        if (held.has(iso) && held.get(iso) !== holdId) throw new AppError('SLOT_UNAVAILABLE', 'taken');
        held.set(iso, holdId);
        return { slot: { start, end: new Date(start.getTime() + 30 * 60_000) }, keptIds: new Set([iso]), previousIds: new Set() };
      },
      async releaseTime(holdId, keep) {
        for (const [iso, h] of held) if (h === holdId && !keep?.has(iso)) held.delete(iso);
      },
      findHoldsCreatedBetween: async () => [...new Set(held.values())],
    },
    directory: {
      findListedDoctor: async (id) =>
        id === 'd1' ? { id, name: 'Dr One', email: 'd1@x.test', timeZone: 'Europe/London' } : null,
      findAccount: async (id) => ({ id, name: `Patient ${id}`, email: `${id}@x.test` }),
    },
    mailer: {
      async send(mail) {
        mails.push(mail);
      },
    },
    clock: { now: () => now },
    newId: () => `a${++seq}`,
    onBackgroundError: (err) => {
      throw err;
    },
  };
  return { deps, appointments, held, mails, failInsertOnce: () => (failNextInsert = true), setNow: (d: Date) => (now = d) };
}
