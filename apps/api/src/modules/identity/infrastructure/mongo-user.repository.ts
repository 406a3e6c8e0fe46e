import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { makeChangeFeed, makeMirror } from '../../../platform/mongo/change-feed.ts';
import { insertManyIfAbsent, insertOrFail } from '../../../platform/mongo/mongo.ts';
import { makeVersionedStore } from '../../../platform/mongo/versioned-store.ts';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { UserRepository } from '../application/ports.ts';
import type { User } from '../domain/user.ts';
import { makeUserDirectory } from './user-directory.ts';

/**
 * `user_emails`: `_id` = the address as compared (trimmed, lower case), inserted once, never
 * changed; deleted only when its account is deleted (erased), which frees the address.
 */
interface EmailKeyDoc {
  _id: string;
  userId: string;
  at: Date;
}

const emailKeyOf = (email: string) => email.trim().toLowerCase();

/**
 * Users are versioned records (collection `users`, commits in `users_versions`):
 * every change is committed by inserting `<id>:<version>`, so two requests
 * changing one account at once cannot lose either change (FerretDB has no
 * transactions, and its updates are read-then-write). An account is found by
 * e-mail through its key in `user_emails`: point reads only.
 */
export function makeMongoUserRepository(
  db: Db,
  outbox: Outbox,
): UserRepository & {
  ensureIndexes(): Promise<void>;
  backfillEmailKeys(): Promise<void>;
  importMany(imported: User[]): Promise<void>;
  close(): void;
} {
  const changes = makeChangeFeed(db, 'users');
  const store = makeVersionedStore<User>(db, 'users', outbox, {
    changes,
    // Accounts stored before users were versioned read as version 1 with no block history.
    normalize: (user) => ({ ...user, version: user.version ?? 1, blockHistory: user.blockHistory ?? [] }),
  });
  const users = store.heads;
  const emails = db.collection<EmailKeyDoc>('user_emails');
  const findById = store.findById;
  // The admin list reads this process's mirror of every account (one scan at start-up, then the change notices).
  const directory = makeUserDirectory();
  const mirror = makeMirror(changes, store, directory);
  mirror.start();

  return {
    async ensureIndexes() {
      await users.createIndex({ email: 1 }, { unique: true, name: 'email_unique' });
    },
    async insert(user) {
      if (user.version !== 1) throw new Error('a new user starts at version 1');
      // The e-mail key decides who gets the address: it is inserted (or found taken) first. A
      // taken key whose account does not exist (its sign-up crashed, or is still on its way)
      // does not block the address: this sign-up creates the account under that key's user
      // id, and the head insert (insert-or-fail on `_id`) lets exactly one of them do it, so
      // a refused sign-up stores nothing of its own. create() then commits version 1 and
      // rewrites the head with its change id; readers roll the head forward if a change made
      // meanwhile was committed before that rewrite. A crash between those two writes leaves
      // a head at version 1 with no version key, which later changes (2, 3, ...) do not need.
      // The unique e-mail index stays declared: MongoDB's guard, and the refusal of an e-mail
      // whose account was stored before keys existed, until the backfill gives it its key.
      const _id = emailKeyOf(user.email);
      let keyOwner = user.id;
      while ((await insertOrFail(emails, { _id, userId: user.id, at: user.createdAt })) === 'duplicate') {
        const key = await emails.findOne({ _id });
        if (key) {
          keyOwner = key.userId;
          break;
        }
        // Deleted since the insert failed (its account was just erased): the address is free again.
      }
      const account = { ...user, id: keyOwner };
      const { id, ...rest } = account;
      if ((await insertOrFail(users, { _id: id, ...rest, changeId: randomUUID() } as never)) === 'duplicate') {
        return 'duplicate-email';
      }
      if ((await store.create(account)) === 'conflict') throw new Error(`user id ${id} was already taken`);
      return account;
    },
    findById,
    async findByEmail(email) {
      // Two point reads of `_id`s: the e-mail key, then the account (its newest committed version).
      const key = await emails.findOne({ _id: emailKeyOf(email) });
      const user = key && (await findById(key.userId));
      return user && emailKeyOf(user.email) === key._id ? user : null;
    },
    save: (next, effects = []) => store.save(next, effects),
    erase: (id, redact, effects) => store.erase(id, redact, effects),
    async releaseEmail(email, userId) {
      // Only this account's key (a key is never replaced, so it cannot change owner between the
      // read and the delete); once deleted, a new sign-up may take the address at once.
      const _id = emailKeyOf(email);
      if ((await emails.findOne({ _id }))?.userId === userId) await emails.deleteOne({ _id });
    },
    async search(filter) {
      await mirror.fresh();
      return directory.search(filter);
    },
    close: () => mirror.close(),
    async findByIds(ids) {
      // From the mirror (a page of conversations names 20 people: a read or two, not 40).
      await mirror.fresh();
      return [...new Set(ids)].flatMap((id) => directory.get(id) ?? []);
    },
    /** Stores many new accounts with distinct e-mails at once (seeding, imports): their keys, then the accounts. */
    async importMany(imported: User[]) {
      if (!imported.length) return;
      await emails.insertMany(imported.map((u) => ({ _id: emailKeyOf(u.email), userId: u.id, at: u.createdAt })));
      await store.importMany(imported);
    },
    /**
     * Gives every account stored before e-mail keys existed its key, so it can sign in: one
     * scan of `users`, once per database (recorded in `migrations`); a key already there is
     * kept, so running it again, or in two processes at once, is harmless.
     */
    async backfillEmailKeys() {
      const done = db.collection<{ _id: string; at: Date }>('migrations');
      if (await done.findOne({ _id: 'user-email-keys' })) return;
      const heads = await users.find({}, { projection: { email: 1, createdAt: 1 } }).toArray();
      await insertManyIfAbsent(
        emails,
        heads.map((h) => ({ _id: emailKeyOf(h.email), userId: h._id, at: h.createdAt })),
      );
      await insertOrFail(done, { _id: 'user-email-keys', at: new Date() });
    },
  };
}
