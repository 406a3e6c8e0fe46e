import type { Db } from 'mongodb';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { ReadAudit } from '../application/ports.ts';

/** The commit marker of one audited read: the outbox delivers the read's audit entry once it finds this. */
interface AuditedReadDoc {
  _id: string;
  changeId: string;
  at: Date;
}

/**
 * An admin's read as a change of its own: its audit entry is put in the outbox
 * first, then the read's marker is inserted (the commit the outbox looks for
 * when a delivery has to be retried; without it the entry would be dropped as
 * a change that never happened), then delivered at once. Both writes are
 * `_id`-keyed inserts; either failing fails the read.
 */
export function makeOutboxReadAudit(db: Db, outbox: Outbox): ReadAudit {
  const reads = db.collection<AuditedReadDoc>('audited_reads');
  return {
    async record(readId, effect) {
      const entry = await outbox.enqueue([effect], { collection: reads.collectionName, id: readId, changeId: readId });
      await reads.insertOne({ _id: readId, changeId: readId, at: new Date() });
      outbox.kick(entry);
    },
  };
}
