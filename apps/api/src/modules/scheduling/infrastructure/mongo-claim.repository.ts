import type { Db } from 'mongodb';
import { isDuplicateKey } from '../../../platform/mongo/mongo.ts';
import type { ClaimRepository, TimeClaim } from '../application/ports.ts';

interface ClaimDoc extends Omit<TimeClaim, 'id'> {
  _id: string;
}

const toClaim = ({ _id, ...rest }: ClaimDoc): TimeClaim => ({ id: _id, ...rest });
/** Claims deleted per round (well below the ~32,000 a FerretDB deleteMany can take). */
const PURGE_BATCH = 10_000;

/** Time claims: one document per 5-minute cell, `_id` unique, so a cell has one holder. */
export function makeMongoClaimRepository(db: Db): ClaimRepository & {
  ensureIndexes(): Promise<void>;
  removeCellsBefore(before: Date, batch?: number): Promise<number>;
} {
  const claims = db.collection<ClaimDoc>('time_claims');
  return {
    async ensureIndexes() {
      await claims.createIndex({ ownerId: 1, cell: 1 }, { name: 'owner_cell' });
      await claims.createIndex({ holdId: 1 }, { name: 'hold' });
      await claims.createIndex({ createdAt: 1 }, { name: 'created' });
      await claims.createIndex({ cell: 1 }, { name: 'cell' });
    },
    async insertAll(items, { adoptSameHold }) {
      const inserted: string[] = [];
      let rest = items;
      while (rest.length) {
        try {
          await claims.insertMany(
            rest.map(({ id, ...c }) => ({ _id: id, ...c })),
            { ordered: true },
          );
          return { taken: null, inserted: [...inserted, ...rest.map((c) => c.id)] };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          // An ordered insert stops at the first taken cell: everything before it is ours.
          const at = (error as { writeErrors?: { index: number }[] }).writeErrors?.[0]?.index ?? 0;
          inserted.push(...rest.slice(0, at).map((c) => c.id));
          const clash = rest[at]!;
          const holder = await claims.findOne({ _id: clash.id });
          if (!holder || !adoptSameHold || holder.holdId !== clash.holdId) return { taken: clash, inserted };
          rest = rest.slice(at + 1); // a retry of the same booking already holds this cell
        }
      }
      return { taken: null, inserted };
    },
    async remove(ids, { holdId, token }) {
      const removed: TimeClaim[] = [];
      for (const id of ids) {
        const doc = await claims.findOneAndDelete({ _id: id, holdId, ...(token ? { token } : {}) });
        if (doc) removed.push(toClaim(doc));
      }
      return removed;
    },
    async findByHolds(holdIds) {
      if (!holdIds.length) return [];
      return (await claims.find({ holdId: { $in: [...holdIds] } }).toArray()).map(toClaim);
    },
    async findDoctorClaimsFrom(from) {
      const docs = await claims
        .find({ cell: { $gte: from }, ownerId: { $not: /^patient:/ } }, { projection: { ownerId: 1, cell: 1, token: 1 } })
        .toArray();
      return docs.map((d) => ({ ownerId: d.ownerId, cell: d.cell, token: d.token }));
    },
    async findCellsBetween(ownerIds, from, to) {
      if (!ownerIds.length) return [];
      const docs = await claims
        .find({ ownerId: { $in: [...ownerIds] }, cell: { $gte: from, $lt: to } }, { projection: { ownerId: 1, cell: 1 } })
        .toArray();
      return docs.map((d) => ({ ownerId: d.ownerId, cell: d.cell }));
    },
    async removeCellsBefore(before: Date, batch: number = PURGE_BATCH) {
      // A deleteMany matching ~32,000 documents fails on FerretDB (SQLite's limit on bound
      // variables): each round deletes up to the `batch`-th oldest cell, then the rest.
      let deleted = 0;
      for (;;) {
        const [edge] = await claims
          .find({ cell: { $lt: before } }, { projection: { cell: 1 } })
          .sort({ cell: 1 })
          .skip(batch - 1)
          .limit(1)
          .toArray();
        deleted += (await claims.deleteMany({ cell: edge ? { $lte: edge.cell } : { $lt: before } })).deletedCount;
        if (!edge) return deleted;
      }
    },
    async findHoldsCreatedBetween(from, to) {
      return (await claims.distinct('holdId', { createdAt: { $gte: from, $lt: to } })) as string[];
    },
  };
}
