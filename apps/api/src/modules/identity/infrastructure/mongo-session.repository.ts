import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import type { SessionRepository } from '../application/ports.ts';
import type { RefreshToken, SessionFamily } from '../domain/refresh-session.ts';

interface FamilyDoc extends Omit<SessionFamily, 'id'> {
  _id: string;
}
interface TokenDoc extends Omit<RefreshToken, 'id'> {
  _id: string;
}

export function makeMongoSessionRepository(db: Db): SessionRepository & { ensureIndexes(): Promise<void> } {
  const families = db.collection<FamilyDoc>('session_families');
  const tokens = db.collection<TokenDoc>('refresh_tokens');
  return {
    async ensureIndexes() {
      await families.createIndex({ userId: 1 }, { name: 'user' });
      await tokens.createIndex({ familyId: 1 }, { name: 'family' });
    },
    async createFamily({ id, ...rest }) {
      await families.insertOne({ _id: id, ...rest });
    },
    async findFamily(id) {
      const doc = await families.findOne({ _id: id });
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return { id: _id, ...rest };
    },
    insertToken: ({ id, ...rest }) => insertOrFail(tokens, { _id: id, ...rest }),
    async findToken(id) {
      const doc = await tokens.findOne({ _id: id });
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return { id: _id, ...rest };
    },
    async revokeFamily(id, at) {
      // Setting a flag is monotonic, so concurrent revocations cannot undo each other.
      await families.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: at } });
    },
    async purgeExpired(before) {
      const [t, f] = await Promise.all([
        tokens.deleteMany({ expiresAt: { $lt: before } }),
        families.deleteMany({ expiresAt: { $lt: before } }),
      ]);
      return t.deletedCount + f.deletedCount;
    },
    async revokeAllForUser(userId, at, exceptFamilyId) {
      const filter = exceptFamilyId ? { userId, revokedAt: null, _id: { $ne: exceptFamilyId } } : { userId, revokedAt: null };
      await families.updateMany(filter, { $set: { revokedAt: at } });
    },
  };
}
