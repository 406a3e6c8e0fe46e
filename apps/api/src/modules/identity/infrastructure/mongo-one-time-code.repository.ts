import type { Db } from 'mongodb';
import { insertOrFail, replaceWhole } from '../../../platform/mongo/mongo.ts';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { OneTimeCodeRepository } from '../application/ports.ts';
import { codePurposes, type CodePurpose, type OneTimeCode } from '../domain/one-time-code.ts';

interface CodeDoc extends OneTimeCode {
  _id: string;
  /** The outbox's commit marker: the e-mail of this code is sent only while this is the stored code. */
  changeId: string;
}

interface AttemptDoc {
  _id: string;
  at: Date;
}

const keyOf = (userId: string, purpose: CodePurpose) => `${purpose}:${userId}`;

export function makeMongoOneTimeCodeRepository(
  db: Db,
  outbox: Outbox,
): OneTimeCodeRepository & { ensureIndexes(): Promise<void> } {
  const codes = db.collection<CodeDoc>('one_time_codes');
  const attempts = db.collection<AttemptDoc>('one_time_code_attempts');
  return {
    async ensureIndexes() {
      // For housekeeping's purge (MongoDB); look-ups go by `_id`.
      await Promise.all([
        codes.createIndex({ expiresAt: 1 }, { name: 'expires' }),
        attempts.createIndex({ at: 1 }, { name: 'at' }),
      ]);
    },
    async save(code, effects) {
      const _id = keyOf(code.userId, code.purpose);
      // The code document is only ever replaced whole: the newest code wins and earlier ones
      // stop working, which is what "send me a new code" means (nothing else writes it: use
      // and attempts are separate insert-only keys). The effects (the code's e-mail) are
      // recorded first, keyed by this code's nonce; the outbox sends them once it finds this
      // code stored, and drops them when it was never stored.
      const entry = await outbox.enqueue(effects, { collection: codes.collectionName, id: _id, changeId: code.nonce });
      await replaceWhole(codes, _id, { _id, ...code, changeId: code.nonce });
      outbox.kick(entry);
    },
    async find(userId, purpose) {
      const doc = await codes.findOne({ _id: keyOf(userId, purpose) });
      if (!doc) return null;
      const { _id, changeId: _c, ...code } = doc;
      return code;
    },
    async claimAttempt(nonce, max) {
      // Slots 1..max per code: each try takes the first free one; no slot, no try.
      for (let slot = 1; slot <= max; slot++) {
        if ((await insertOrFail(attempts, { _id: `${nonce}:${slot}`, at: new Date() })) === 'ok') return true;
      }
      return false;
    },
    async purgeBefore(before) {
      const [c, a] = await Promise.all([
        codes.deleteMany({ expiresAt: { $lt: before } }),
        attempts.deleteMany({ at: { $lt: before } }),
      ]);
      return c.deletedCount + a.deletedCount;
    },
    async deleteAllFor(userId) {
      await Promise.all(codePurposes.map((purpose) => codes.deleteOne({ _id: keyOf(userId, purpose) })));
    },
    async claimUse(nonce) {
      return (await insertOrFail(attempts, { _id: `${nonce}:used`, at: new Date() })) === 'ok';
    },
  };
}
