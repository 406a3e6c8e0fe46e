import { randomUUID } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll } from 'vitest';

/**
 * A database of its own on the test FerretDB for a file that talks to the
 * store directly (no API): connected before the file's tests, dropped after.
 * Read `scratch.db` and `scratch.client` inside tests and hooks.
 */
export function useScratchDb() {
  const scratch = {} as { client: MongoClient; db: Db };
  beforeAll(async () => {
    scratch.client = new MongoClient(process.env['MONGODB_URI']!);
    await scratch.client.connect();
    scratch.db = scratch.client.db(`it_${randomUUID().slice(0, 8)}`);
  });
  afterAll(async () => {
    await scratch.db?.dropDatabase().catch(() => {});
    await scratch.client?.close();
  });
  return scratch;
}
