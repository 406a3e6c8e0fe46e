import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import type { IdempotencyRepository, StoredOutcome } from '../application/ports.ts';

interface KeyDoc {
  _id: string;
  fingerprint: string;
  createdAt: Date;
}
interface OutcomeDoc {
  _id: string;
  outcome: StoredOutcome;
  createdAt: Date;
}

/** How long a first attempt owns its key before a retry may take over (and find what it made). */
const LEASE_MS = 15_000;

/**
 * Idempotency keys, insert-only: the key document (with the request's
 * fingerprint) and, once known, an outcome document, each written once.
 */
export function makeMongoIdempotencyRepository(db: Db): IdempotencyRepository & { ensureIndexes(): Promise<void> } {
  const keys = db.collection<KeyDoc>('idempotency_keys');
  const outcomes = db.collection<OutcomeDoc>('idempotency_outcomes');
  return {
    async ensureIndexes() {
      // For the hourly purge (on MongoDB; a TTL index could replace it there).
      await keys.createIndex({ createdAt: 1 }, { name: 'created' });
      await outcomes.createIndex({ createdAt: 1 }, { name: 'created' });
    },
    async begin(key, fingerprint, at) {
      if ((await insertOrFail(keys, { _id: key, fingerprint, createdAt: at })) === 'ok') return { state: 'new' };
      const [first, outcome] = await Promise.all([keys.findOne({ _id: key }), outcomes.findOne({ _id: key })]);
      if (first && first.fingerprint !== fingerprint) return { state: 'reused' };
      if (outcome) return { state: 'done', outcome: outcome.outcome };
      const leaseLeft = (first ? first.createdAt.getTime() + LEASE_MS : 0) - at.getTime();
      return leaseLeft > 0 ? { state: 'pending', retryAfterSeconds: Math.ceil(leaseLeft / 1000) } : { state: 'expired' };
    },
    async finish(key, outcome) {
      await insertOrFail(outcomes, { _id: key, outcome, createdAt: new Date() });
    },
    async purgeBefore(before) {
      const [k, o] = await Promise.all([
        keys.deleteMany({ createdAt: { $lt: before } }),
        outcomes.deleteMany({ createdAt: { $lt: before } }),
      ]);
      return k.deletedCount + o.deletedCount;
    },
  };
}
