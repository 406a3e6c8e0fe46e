import type { Db } from 'mongodb';
import type { EffectHandler, Outbox } from '../../../platform/outbox/outbox.ts';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import { makeVersionedStore } from '../../../platform/mongo/versioned-store.ts';
import type { FieldCipher } from '../../../platform/security/field-cipher.ts';
import { protectFields } from '../../../platform/security/protected-fields.ts';
import type { SideEffect } from '../../../platform/side-effect.ts';
import type { AppointmentRepository } from '../application/ports.ts';
import { appointmentChanged } from '../application/appointment-changed.ts';
import { listedAppointment, type Appointment } from '../domain/appointment.ts';
import { LISTS_NAME, makeAppointmentLists } from './appointment-lists.ts';

const LISTED = 'appointment.listed';
/** The marker of the appointments' one-time listing into their lists of entries (decision 0017). */
export const LISTS_MIGRATION = 'appointment-entries';
/** Lists of earlier designs, dropped once the appointments are listed anew. */
const OLD_LISTS = /^appointment_(lists|timelines)_/;
/** Health and identity data: sealed in the records (decision 0017), never copied into lists. */
export const PROTECTED_FIELDS = ['reason', 'history', 'patient'];

/**
 * Appointments are versioned records: every change is committed by inserting
 * `<id>:<version>`; the patient, the reason and the history are sealed
 * (decision 0017). Lists are read from their timeline lists (decision 0014),
 * which hold entries without personal data; a page reads its records by `_id`:
 * each committed version is listed for its patient and doctor before the call
 * returns (so they see their own change), and everywhere by the outbox, whose
 * entry also repeats the participants' listing if that failed or crashed.
 */
export function makeMongoAppointmentRepository(db: Db, outbox: Outbox, cipher: FieldCipher) {
  const protect = protectFields(cipher, 'appointments', PROTECTED_FIELDS);
  const store = makeVersionedStore<Appointment>(db, 'appointments', outbox, { protect });
  const appointments = store.heads;
  const lists = makeAppointmentLists(db);
  const listing = new Map<string, Promise<void>>();

  const withListing = (a: Appointment, effects: SideEffect[]) => [
    ...effects,
    { type: LISTED, payload: { id: a.id, version: a.version } },
    appointmentChanged(a),
  ];
  async function listForParticipants(a: Appointment) {
    const key = `${a.id}:${a.version}`;
    const previous = a.version > 1 ? await store.findVersion(a.id, a.version - 1) : null;
    const done = lists.listForParticipants(a, previous ?? undefined).finally(() => listing.delete(key));
    listing.set(key, done);
    // A failure is not the caller's: the outbox entry lists this version again.
    await done.catch(() => undefined);
  }
  async function commit(a: Appointment, effects: SideEffect[], write: typeof store.save) {
    const result = await write(a, withListing(a, effects));
    if (result === 'ok') await listForParticipants(a);
    return result;
  }

  /** The outbox's delivery: lists that version everywhere (after this process's own listing of it, if running). */
  const listEverywhere: EffectHandler = async (payload) => {
    const { id, version } = payload as { id: string; version: number };
    await listing.get(`${id}:${version}`)?.catch(() => undefined);
    const [a, previous] = await Promise.all([store.findVersion(id, version), store.findVersion(id, version - 1)]);
    if (a) await lists.listEverywhere(a, previous ?? undefined);
  };

  const repository: AppointmentRepository = {
    create: (appointment, effects) => commit(appointment, effects, store.create),
    findById: (id) => store.findById(id),
    save: (next, effects) => commit(next, effects, store.save),
    abandon: (id) => store.abandon(id),
    async list(query) {
      const { items, total } = await lists.page(query);
      const records = await Promise.all(items.map((entry) => store.peek(entry.id)));
      return { items: records.filter((a) => a !== null).map(listedAppointment), total };
    },
    async erase(id, redact) {
      const erased = await store.erase(id, redact, []);
      if (erased) await listForParticipants(erased);
      return erased;
    },
    async findChangedSince(since) {
      return (await appointments.find({ updatedAt: { $gte: since } } as never).toArray()).map(store.fromHead);
    },
  };
  return {
    ...repository,
    effectHandlers: { [LISTED]: listEverywhere } as Record<string, EffectHandler>,
    protectedStores: [store.protectedStore],
    async ensureIndexes() {
      await appointments.createIndex({ updatedAt: 1 }, { name: 'updated' });
    },
    /** Imports appointments at version 1 and lists them (into a database no API process serves, holding none of their owners' lists). */
    async importMany(imported: Appointment[]) {
      await store.importMany(imported);
      await lists.importMany(imported);
    },
    /**
     * Lists the appointments of a database that has them but not in its current lists (stored
     * before decision 0014, or listed by an earlier design): one scan, once; a second process
     * doing it at the same time is harmless. Earlier lists are dropped before the marker is
     * written, so a crash between the two only repeats the listing.
     */
    async backfillLists() {
      const done = db.collection<{ _id: string; at: Date }>('migrations');
      if (await done.findOne({ _id: LISTS_MIGRATION })) return;
      const all = await store.loadAll();
      for (let i = 0; i < all.length; i += 1_000) await lists.listMany(all.slice(i, i + 1_000));
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray())
        if (OLD_LISTS.test(name) && !name.startsWith(LISTS_NAME))
          await db
            .collection(name)
            .drop()
            .catch(() => undefined); // another process dropped it
      await insertOrFail(done, { _id: LISTS_MIGRATION, at: new Date() });
    },
  };
}
