import { randomUUID } from 'node:crypto';
import type { Db, Filter } from 'mongodb';
import { escapeRegExp } from '../../../platform/mongo/escape-regexp.ts';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import { makeVersionedStore } from '../../../platform/mongo/versioned-store.ts';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { UserRepository } from '../application/ports.ts';
import type { User } from '../domain/user.ts';

/**
 * Users are versioned records (collection `users`, commits in `users_versions`):
 * every change is committed by inserting `<id>:<version>`, so two requests
 * changing one account at once cannot lose either change (FerretDB has no
 * transactions, and its updates are read-then-write).
 */
export function makeMongoUserRepository(db: Db, outbox: Outbox): UserRepository & { ensureIndexes(): Promise<void> } {
  const store = makeVersionedStore<User>(db, 'users', outbox);
  const users = store.heads;
  // Accounts stored before users were versioned read as version 1 with no block history.
  const normalized = (user: User): User => ({ ...user, version: user.version ?? 1, blockHistory: user.blockHistory ?? [] });
  const fromHead = (doc: Parameters<typeof store.fromHead>[0]) => normalized(store.fromHead(doc));
  const findById = async (id: string) => {
    const user = await store.findById(id);
    return user && normalized(user);
  };

  return {
    async ensureIndexes() {
      await users.createIndex({ email: 1 }, { unique: true, name: 'email_unique' });
      await users.createIndex({ role: 1, createdAt: -1 }, { name: 'role_created' });
    },
    async insert(user) {
      if (user.version !== 1) throw new Error('a new user starts at version 1');
      // The store's create() commits the version key first and writes the head after it, so
      // a duplicate e-mail would only fail at the head, leaving a committed version 1 behind.
      // Here the unique e-mail index decides first: the head is inserted (or refused) before
      // anything else, so a refused sign-up stores nothing. create() then commits version 1
      // and rewrites the head with its change id; readers roll the head forward if a change
      // made meanwhile (from this head) was committed before that rewrite. A crash between
      // the two writes leaves a head at version 1 with no version key, which later changes
      // (keyed 2, 3, ...) do not need.
      const { id, ...rest } = user;
      const head = { _id: id, ...rest, changeId: randomUUID() };
      if ((await insertOrFail(users, head as never)) === 'duplicate') return 'duplicate-email';
      if ((await store.create(user)) === 'conflict') throw new Error(`user id ${id} was already taken`);
      return 'ok';
    },
    findById,
    async findByEmail(email) {
      // The head finds the account; the store then gives its newest committed version.
      const head = await users.findOne({ email });
      return head ? findById(head._id) : null;
    },
    save: (next, effects = []) => store.save(next, effects),
    async search({ role, text, skip, limit }) {
      const filter: Filter<User> = {};
      if (role) filter.role = role;
      if (text) {
        // User text is escaped: it is matched literally, never run as a pattern.
        const pattern = { $regex: escapeRegExp(text), $options: 'i' };
        filter.$or = [{ name: pattern }, { email: pattern }];
      }
      const [docs, total] = await Promise.all([
        users
          .find(filter as never)
          .sort({ createdAt: -1, _id: 1 })
          .skip(skip)
          .limit(limit)
          .toArray(),
        users.countDocuments(filter as never),
      ]);
      return { items: docs.map(fromHead), total };
    },
    async findByIds(ids) {
      return (await users.find({ _id: { $in: ids } } as never).toArray()).map(fromHead);
    },
  };
}
