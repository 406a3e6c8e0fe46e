import type { Db } from 'mongodb';
import { isDuplicateKey } from '../../../platform/mongo/mongo.ts';
import type { ClaimRepository, TimeClaim } from '../application/ports.ts';

interface ClaimDoc extends Omit<TimeClaim, 'id'> {
  _id: string;
}

const toClaim = ({ _id, ...rest }: ClaimDoc): TimeClaim => ({ id: _id, ...rest });

/** Time claims: one document per 5-minute cell, `_id` unique, so a cell has one holder. */
export function makeMongoClaimRepository(db: Db): ClaimRepository & { ensureIndexes(): Promise<void> } {
  const claims = db.collection<ClaimDoc>('time_claims');
  return {
    async ensureIndexes() {
      await claims.createIndex({ ownerId: 1, cell: 1 }, { name: 'owner_cell' });
      await claims.createIndex({ holdId: 1 }, { name: 'hold' });
      await claims.createIndex({ createdAt: 1 }, { name: 'created' });
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
    async findAllDoctorCells() {
      const docs = await claims.find({ ownerId: { $not: /^patient:/ } }, { projection: { ownerId: 1, cell: 1 } }).toArray();
      return docs.map((d) => ({ ownerId: d.ownerId, cell: d.cell }));
    },
    async findHoldsCreatedBetween(from, to) {
      return (await claims.distinct('holdId', { createdAt: { $gte: from, $lt: to } })) as string[];
    },
  };
}
