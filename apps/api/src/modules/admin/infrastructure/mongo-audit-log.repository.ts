import type { Db, Filter } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import type { AuditLogRepository } from '../application/ports.ts';
import type { AuditEntry } from '../domain/audit-entry.ts';

interface AuditDoc extends Omit<AuditEntry, 'id'> {
  _id: string;
}

/** Append-only: this repository has no update or delete, and an id is written at most once. */
export function makeMongoAuditLogRepository(db: Db): AuditLogRepository & { ensureIndexes(): Promise<void> } {
  const log = db.collection<AuditDoc>('audit_log');
  return {
    async ensureIndexes() {
      await log.createIndex({ at: -1 }, { name: 'time' });
      await log.createIndex({ targetId: 1, at: -1 }, { name: 'target_time' });
    },
    append: ({ id, ...rest }) => insertOrFail(log, { _id: id, ...rest }),
    async list({ action, targetId, skip, limit }) {
      const filter: Filter<AuditDoc> = {};
      if (action) filter.action = action as AuditEntry['action'];
      if (targetId) filter.targetId = targetId;
      const [docs, total] = await Promise.all([
        log.find(filter).sort({ at: -1, _id: 1 }).skip(skip).limit(limit).toArray(),
        log.countDocuments(filter),
      ]);
      return { items: docs.map(({ _id, ...e }) => ({ id: _id, ...e })), total };
    },
  };
}
