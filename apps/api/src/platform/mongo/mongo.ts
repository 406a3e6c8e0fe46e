import {
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type Collection,
  type Db,
  type Document,
  type OptionalUnlessRequiredId,
} from 'mongodb';

export async function connectMongo(uri: string, dbName: string): Promise<{ client: MongoClient; db: Db }> {
  // A paused or unreachable database fails a request within bounds (a 503) instead of hanging it.
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, socketTimeoutMS: 20_000, maxPoolSize: 50 });
  await client.connect();
  return { client, db: client.db(dbName) };
}

/** Duplicate key: the insert-or-fail signal every concurrency rule relies on. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}

/** Insert-or-fail: 'duplicate' when a unique key (usually `_id`) is already taken. */
export async function insertOrFail<T extends Document>(
  collection: Collection<T>,
  doc: OptionalUnlessRequiredId<T>,
): Promise<'ok' | 'duplicate'> {
  try {
    await collection.insertOne(doc);
    return 'ok';
  } catch (error) {
    if (isDuplicateKey(error)) return 'duplicate';
    throw error;
  }
}

/**
 * Inserts `docs` in order in one write, each insert-or-fail, stopping at the first duplicate:
 * answers how many went in (all: `docs.length`). FerretDB commits such a write in one
 * transaction (on a duplicate it inserts them again one by one), so docs that go in together
 * cost one commit.
 */
export async function insertInOrderOrFail<T extends Document>(
  collection: Collection<T>,
  docs: OptionalUnlessRequiredId<T>[],
): Promise<number> {
  try {
    await collection.insertMany(docs, { ordered: true });
    return docs.length;
  } catch (error) {
    const first = error instanceof MongoBulkWriteError ? [error.writeErrors].flat()[0] : undefined;
    if (first?.code === 11000) return first.index;
    throw error;
  }
}

/**
 * Replaces the whole document `_id`, creating it if missing. Two first writes
 * of one `_id` race to insert it (an upsert is not atomic on FerretDB): the
 * loser then replaces what the winner inserted.
 */
export async function replaceWhole<T extends Document>(collection: Collection<T>, id: string, doc: T): Promise<void> {
  const filter = { _id: id } as never;
  try {
    await collection.replaceOne(filter, doc as never, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await collection.replaceOne(filter, doc as never);
  }
}

/**
 * Inserts many documents, each if its `_id` is free (a backfill that may repeat): one bulk
 * write per thousand instead of a round trip each; duplicates are skipped, any other error thrown.
 */
export async function insertManyIfAbsent<T extends Document>(collection: Collection<T>, docs: OptionalUnlessRequiredId<T>[]) {
  for (let i = 0; i < docs.length; i += 1_000) {
    try {
      await collection.insertMany(docs.slice(i, i + 1_000), { ordered: false });
    } catch (error) {
      const onlyDuplicates =
        error instanceof MongoBulkWriteError &&
        (Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors]).every((e) => e.code === 11000);
      if (!onlyDuplicates) throw error;
    }
  }
}
