import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import type { IdempotencyRepository, StoredOutcome } from '../application/ports.ts';

interface KeyDoc {
  _id: string;
  outcome: StoredOutcome | null;
  createdAt: Date;
}

/** Idempotency keys: the first request inserts the key; retries find it and replay its outcome. */
export function makeMongoIdempotencyRepository(db: Db): IdempotencyRepository {
  const keys = db.collection<KeyDoc>('idempotency_keys');
  return {
    async begin(key, at) {
      if ((await insertOrFail(keys, { _id: key, outcome: null, createdAt: at })) === 'ok') return 'new';
      const doc = await keys.findOne({ _id: key });
      return doc?.outcome ?? 'pending';
    },
    async finish(key, outcome) {
      await keys.updateOne({ _id: key }, { $set: { outcome } });
    },
    async purgeBefore(before) {
      return (await keys.deleteMany({ createdAt: { $lt: before } })).deletedCount;
    },
    async abandon(key) {
      await keys.deleteOne({ _id: key, outcome: null });
    },
  };
}
