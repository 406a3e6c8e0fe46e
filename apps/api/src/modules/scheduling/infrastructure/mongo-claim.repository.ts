import type { Db } from 'mongodb';
import { isDuplicateKey } from '../../../platform/mongo/mongo.ts';
import type { ClaimRepository, TimeClaim } from '../application/ports.ts';

interface ClaimDoc extends Omit<TimeClaim, 'id'> {
  _id: string;
}

/** Time claims: one document per 5-minute cell, `_id` unique, so a cell has one holder. */
export function makeMongoClaimRepository(db: Db): ClaimRepository & { ensureIndexes(): Promise<void> } {
  const claims = db.collection<ClaimDoc>('time_claims');
  return {
    async ensureIndexes() {
      await claims.createIndex({ ownerId: 1, cell: 1 }, { name: 'owner_cell' });
      await claims.createIndex({ holdId: 1 }, { name: 'hold' });
      await claims.createIndex({ createdAt: 1 }, { name: 'created' });
    },
    async insertAll(items) {
      if (!items.length) return 'ok';
      try {
        await claims.insertMany(
          items.map(({ id, ...rest }) => ({ _id: id, ...rest })),
          { ordered: true },
        );
        return 'ok';
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Ordered insert stops at the first taken cell; remove exactly what this call put in.
        const ids = items.map((c) => c.id);
        await claims.deleteMany({ _id: { $in: ids }, holdId: items[0]!.holdId, createdAt: items[0]!.createdAt });
        return 'taken';
      }
    },
    async removeByHold(holdId, keepIds) {
      await claims.deleteMany(keepIds?.size ? { holdId, _id: { $nin: [...keepIds] } } : { holdId });
    },
    async findByHold(holdId) {
      return (await claims.find({ holdId }).toArray()).map(({ _id, ...rest }) => ({ id: _id, ...rest }));
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
