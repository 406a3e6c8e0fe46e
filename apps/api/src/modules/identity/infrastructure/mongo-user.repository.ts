import type { Db, Filter } from 'mongodb';
import { escapeRegExp } from '../../../platform/mongo/escape-regexp.ts';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import type { UserRepository } from '../application/ports.ts';
import type { User } from '../domain/user.ts';

interface UserDoc extends Omit<User, 'id'> {
  _id: string;
}

const toUser = ({ _id, ...rest }: UserDoc): User => ({ id: _id, ...rest });

export function makeMongoUserRepository(db: Db): UserRepository & { ensureIndexes(): Promise<void> } {
  const users = db.collection<UserDoc>('users');
  return {
    async ensureIndexes() {
      await users.createIndex({ email: 1 }, { unique: true, name: 'email_unique' });
      await users.createIndex({ role: 1, createdAt: -1 }, { name: 'role_created' });
    },
    async insert({ id, ...rest }) {
      return (await insertOrFail(users, { _id: id, ...rest })) === 'ok' ? 'ok' : 'duplicate-email';
    },
    async findById(id) {
      const doc = await users.findOne({ _id: id });
      return doc ? toUser(doc) : null;
    },
    async findByEmail(email) {
      const doc = await users.findOne({ email });
      return doc ? toUser(doc) : null;
    },
    async search({ role, text, skip, limit }) {
      const filter: Filter<UserDoc> = {};
      if (role) filter.role = role;
      if (text) {
        // User text is escaped: it is matched literally, never run as a pattern.
        const pattern = { $regex: escapeRegExp(text), $options: 'i' };
        filter.$or = [{ name: pattern }, { email: pattern }];
      }
      const [docs, total] = await Promise.all([
        users.find(filter).sort({ createdAt: -1, _id: 1 }).skip(skip).limit(limit).toArray(),
        users.countDocuments(filter),
      ]);
      return { items: docs.map(toUser), total };
    },
    async setBlocked(id, blocked, at) {
      await users.updateOne({ _id: id }, { $set: { blocked, updatedAt: at } });
    },
    async findByIds(ids) {
      return (await users.find({ _id: { $in: ids } }).toArray()).map(toUser);
    },
    async markEmailVerified(id, at) {
      await users.updateOne({ _id: id }, { $set: { emailVerified: true, updatedAt: at } });
    },
    async updatePassword(id, passwordHash, at) {
      await users.updateOne({ _id: id }, { $set: { passwordHash, updatedAt: at } });
    },
    async updateNameAndPassword(id, name, passwordHash, at) {
      await users.updateOne({ _id: id }, { $set: { name, passwordHash, updatedAt: at } });
    },
  };
}
