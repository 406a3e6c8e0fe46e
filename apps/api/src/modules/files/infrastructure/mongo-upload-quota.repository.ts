import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import { probeLast } from '../../../platform/mongo/sequenced-log.ts';
import type { UploadEntry, UploadQuotaRepository } from '../application/ports.ts';
import type { QuotaPlace } from '../domain/upload-quota.ts';

/** `_id = <userId>:<day>:<n>`, inserted once (insert-or-fail), never updated; `bytes` is the day's total up to it. */
interface UploadEntryDoc {
  _id: string;
  userId: string;
  day: string;
  n: number;
  bytes: number;
  fileId: string;
  key: string;
  at: Date;
}

const idOf = (userId: string, day: string, n: number) => `${userId}:${day}:${n}`;

const toEntry = (d: UploadEntryDoc): UploadEntry => ({
  userId: d.userId,
  day: d.day,
  place: { n: d.n, bytes: d.bytes },
  fileId: d.fileId,
  key: d.key,
  at: d.at,
});

export function makeMongoUploadQuotaRepository(db: Db): UploadQuotaRepository & { ensureIndexes(): Promise<void> } {
  const entries = db.collection<UploadEntryDoc>('upload_quota');
  return {
    async ensureIndexes() {
      await entries.createIndex({ at: 1 }, { name: 'at' });
    },
    findLastPlace(userId, day, known) {
      // Only `_id` equality is indexed on FerretDB, so places are found by probing ids.
      return probeLast(known, async (n): Promise<QuotaPlace | null> => {
        const doc = await entries.findOne({ _id: idOf(userId, day, n) }, { projection: { bytes: 1 } });
        return doc ? { n, bytes: doc.bytes } : null;
      });
    },
    takePlace: ({ place, ...rest }) => insertOrFail(entries, { _id: idOf(rest.userId, rest.day, place.n), ...place, ...rest }),
    async findMadeBefore(before, limit) {
      // Scans (FerretDB indexes only `_id`), but the sweeper keeps this collection to about a day of uploads.
      const docs = await entries
        .find({ at: { $lt: before } })
        .limit(limit)
        .toArray();
      return docs.map(toEntry);
    },
    async removeEntries(list) {
      if (list.length) await entries.deleteMany({ _id: { $in: list.map((e) => idOf(e.userId, e.day, e.place.n)) } });
    },
  };
}
