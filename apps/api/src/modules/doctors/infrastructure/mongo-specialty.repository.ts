import type { Db } from 'mongodb';
import type { SpecialtyRepository } from '../application/ports.ts';

interface SpecialtyDoc {
  _id: string;
  name: string;
}

export function makeMongoSpecialtyRepository(db: Db): SpecialtyRepository & { ensureIndexes(): Promise<void> } {
  const specialties = db.collection<SpecialtyDoc>('specialties');
  return {
    async ensureIndexes() {
      await specialties.createIndex({ name: 1 }, { name: 'name' });
    },
    async seed(items) {
      // Upsert by stable id: running it at every start changes nothing twice.
      await Promise.all(items.map((s) => specialties.updateOne({ _id: s.id }, { $set: { name: s.name } }, { upsert: true })));
    },
    async list() {
      const docs = await specialties.find().sort({ name: 1 }).toArray();
      return docs.map((d) => ({ id: d._id, name: d.name }));
    },
    async findById(id) {
      const doc = await specialties.findOne({ _id: id });
      return doc ? { id: doc._id, name: doc.name } : null;
    },
  };
}
