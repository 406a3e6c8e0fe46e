import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import { makeSequencedLog } from '../../../platform/mongo/sequenced-log.ts';
import type { AuditLogRepository } from '../application/ports.ts';
import type { AuditEntry } from '../domain/audit-entry.ts';

/** The entry itself, under its stable id; `recordedAt` is when it was written. */
interface AuditDoc extends Omit<AuditEntry, 'id'> {
  _id: string;
  recordedAt?: Date;
}
/** A copy of the entry in one list, and when it was placed there. */
type Listed = AuditEntry & { placedAt: Date };

/** The list a filter reads: everything, by action, by target, or by both (parts URI-encoded, so no two filters share one). */
export function auditListKey(filter: { action?: string | undefined; targetId?: string | undefined }): string {
  const parts = [
    ...(filter.targetId ? [`target:${encodeURIComponent(filter.targetId)}`] : []),
    ...(filter.action ? [`action:${encodeURIComponent(filter.action)}`] : []),
  ];
  return parts.join('|') || 'all';
}

/** Every list an entry belongs in: one per filter that shows it. */
const listsOf = ({ action, targetId }: AuditEntry) => [
  auditListKey({}),
  auditListKey({ action }),
  auditListKey({ targetId }),
  auditListKey({ action, targetId }),
];

/** How far back a redelivery looks for its entry, before the time the entry was written (clock skew between processes). */
const LOOK_BACK_MS = 5 * 60_000;
const SEARCH_BATCH = 20;

/**
 * Append-only: no update or delete, and an entry id is written at most once
 * (`audit_log`, insert-or-fail). Each entry is also placed in the sequenced
 * lists that answer the admin's filters (all, per action, per target, per
 * both; `audit_log_lists`), newest last, so a page is a few `_id` reads from
 * the list's tail (whole blocks where they are full) and its length is the
 * total, at any size of the log.
 *
 * The outbox delivers an entry until one attempt succeeds, one attempt at a
 * time. The attempt whose insert wins places the entry in its lists; a later
 * attempt (the insert says 'duplicate': an earlier one wrote the entry and may
 * have stopped before placing it everywhere) looks for the entry near each
 * list's tail, among what was placed since it was written, and places it only
 * where it is missing. So a retried delivery never lists an entry twice.
 */
export function makeMongoAuditLogRepository(db: Db): AuditLogRepository & { backfillLists(): Promise<void> } {
  const log = db.collection<AuditDoc>('audit_log');
  // Blocks of 16: a page of 50 is about 4 block reads plus the unfilled newest block's entries.
  const lists = makeSequencedLog<Listed>(db, 'audit_log_lists', { cache: 20_000, blockSize: 16 });

  /** Is the entry in this list among what was placed since `since`? */
  async function isPlaced(key: string, id: string, since: number): Promise<boolean> {
    for (let to = await lists.tail(key); to > 0; to -= SEARCH_BATCH) {
      const placed = (await lists.readRange(key, to - SEARCH_BATCH + 1, to)).filter((e) => e !== null);
      if (placed.some((e) => e.id === id)) return true;
      if (placed.some((e) => e.placedAt.getTime() < since)) return false;
    }
    return false;
  }

  return {
    async append(entry) {
      const { id, ...rest } = entry;
      const written = await insertOrFail(log, { _id: id, ...rest, recordedAt: new Date() });
      let keys = listsOf(entry);
      // An entry written without `recordedAt` predates the lists: it is in none of them.
      const recordedAt = written === 'duplicate' ? (await log.findOne({ _id: id }))?.recordedAt : undefined;
      if (recordedAt) {
        const placed = await Promise.all(keys.map((key) => isPlaced(key, id, recordedAt.getTime() - LOOK_BACK_MS)));
        keys = keys.filter((_, i) => !placed[i]);
      }
      await Promise.all(keys.map((key) => lists.append(key, { ...entry, placedAt: new Date() })));
      return written;
    },
    /**
     * Places the entries of a database written before the lists (no `recordedAt`), oldest first,
     * once (marker `audit-lists`). They are placed after any entry recorded meanwhile.
     */
    async backfillLists() {
      const done = db.collection<{ _id: string; at: Date }>('migrations');
      if (await done.findOne({ _id: 'audit-lists' })) return;
      const legacy = (await log.find().toArray()).filter((e) => !e.recordedAt).sort((a, b) => a.at.getTime() - b.at.getTime());
      for (const { _id, recordedAt: _r, ...rest } of legacy) {
        const entry = { id: _id, ...rest } as AuditEntry;
        await Promise.all(listsOf(entry).map((key) => lists.append(key, { ...entry, placedAt: new Date() })));
      }
      await insertOrFail(done, { _id: 'audit-lists', at: new Date() });
    },
    async list({ action, targetId, skip, limit }) {
      const key = auditListKey({ action, targetId });
      const total = await lists.tail(key);
      const newest = total - skip;
      const page = newest > 0 ? await lists.readRange(key, newest - limit + 1, newest) : [];
      const items = page
        .filter((e) => e !== null)
        .reverse()
        .map(({ placedAt: _p, ...e }) => e);
      return { items, total };
    },
  };
}
