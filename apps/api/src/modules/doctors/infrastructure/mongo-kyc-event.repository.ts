import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import type { KycEventRepository } from '../application/ports.ts';
import type { KycEvent } from '../domain/kyc.ts';

interface KycEventDoc extends KycEvent {
  _id: string;
}

/** Append-only: events are inserted, never updated or deleted. */
export function makeMongoKycEventRepository(db: Db): KycEventRepository & { ensureIndexes(): Promise<void> } {
  const events = db.collection<KycEventDoc>('kyc_events');
  return {
    async ensureIndexes() {
      await events.createIndex({ doctorId: 1, at: 1 }, { name: 'doctor_time' });
    },
    insert: (id, event) => insertOrFail(events, { _id: id, ...event }),
    async listForDoctor(doctorId) {
      const docs = await events.find({ doctorId }).sort({ at: 1 }).toArray();
      return docs.map(({ _id, ...e }) => e);
    },
  };
}
