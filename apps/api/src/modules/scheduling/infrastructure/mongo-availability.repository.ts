import type { Db } from 'mongodb';
import { makeChangeFeed, makeMirror } from '../../../platform/mongo/change-feed.ts';
import { makeVersionedStore } from '../../../platform/mongo/versioned-store.ts';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { AvailabilityRepository } from '../application/ports.ts';
import type { AvailabilityRules } from '../domain/availability-rules.ts';

interface Availability {
  /** The doctor's id. */
  id: string;
  version: number;
  rules: AvailabilityRules;
  updatedAt: Date;
}

/**
 * A doctor's hours, one versioned record per doctor (makeVersionedStore): a
 * save commits the next version by insert-or-fail, after a notice in
 * availability_changes, so concurrent saves all land, in some order, and none
 * is lost. "Who is free on date X" reads this process's mirror of every
 * doctor's hours (one scan at start-up, then the notices), never the collection.
 */
export function makeMongoAvailabilityRepository(
  db: Db,
  outbox: Outbox,
): AvailabilityRepository & {
  importMany(all: { doctorId: string; rules: AvailabilityRules }[], at: Date): Promise<void>;
  close(): void;
} {
  const changes = makeChangeFeed(db, 'availability');
  const store = makeVersionedStore<Availability>(db, 'availability', outbox, {
    changes,
    // Development records from before versioning have no version: 0, so the next save commits version 1.
    normalize: (a) => ({ ...a, version: a.version ?? 0 }),
  });
  const findById = store.findById;
  const everyone = new Map<string, AvailabilityRules>();
  const mirror = makeMirror(changes, store, {
    reset(records) {
      everyone.clear();
      for (const r of records) everyone.set(r.id, r.rules);
    },
    put: (record) => everyone.set(record.id, record.rules),
  });
  mirror.start();

  return {
    async save(doctorId, rules, at) {
      // The last save wins, but every save commits a version of its own.
      for (;;) {
        const current = await findById(doctorId);
        const next = { id: doctorId, version: (current?.version ?? 0) + 1, rules, updatedAt: at };
        if ((await store.save(next)) === 'ok') return;
      }
    },
    async find(doctorId) {
      return (await findById(doctorId))?.rules ?? null;
    },
    async listAll() {
      await mirror.fresh();
      return [...everyone].map(([doctorId, rules]) => ({ doctorId, rules }));
    },
    /** Bulk import at version 1 into a database no API process serves yet (see the store's importMany). */
    importMany: (all, at) =>
      store.importMany(all.map(({ doctorId, rules }) => ({ id: doctorId, version: 1, rules, updatedAt: at }))),
    close: () => mirror.close(),
  };
}
