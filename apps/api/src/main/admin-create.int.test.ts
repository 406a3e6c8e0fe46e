import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run admin:create` reads the settings `npm start` reads: MONGODB_URI and
 * MONGODB_DB, or (no URI) the local FerretDB on MONGO_PORT, from the
 * environment or from `.env` in the working directory, the environment winning.
 */
const cli = path.resolve(import.meta.dirname, 'admin-create.ts');
const stackUri = process.env['MONGODB_URI'];
const mongoPort = stackUri ? new URL(stackUri).port : '';
let mongo: MongoClient;
const databases: string[] = [];
const cwd = mkdtempSync(path.join(tmpdir(), 'doctime-admin-cli-'));
beforeAll(async () => {
  if (!stackUri) throw new Error('Integration tests need the services: run them with `npm test`.');
  mongo = await new MongoClient(stackUri).connect();
});
afterAll(async () => {
  await Promise.all(databases.map((db) => mongo.db(db).dropDatabase()));
  await mongo?.close();
  rmSync(cwd, { recursive: true, force: true });
});

function newDb() {
  const name = `it_cli_${randomUUID().slice(0, 8)}`;
  databases.push(name);
  return name;
}

/** Runs the CLI in `cwd` with exactly `env` (plus PATH), so nothing leaks in from the test's environment. */
function createAdmin(env: Record<string, string>, email: string) {
  const args = [cli, '--email', email, '--password', 'admin pass phrase 42', '--name', 'Site Admin'];
  const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

const adminIn = (db: string, email: string) => mongo.db(db).collection('users').findOne({ email, role: 'admin' });

describe('admin:create', () => {
  it('honours MONGODB_URI and MONGODB_DB', async () => {
    const db = newDb();
    const email = `admin-${randomUUID().slice(0, 8)}@example.test`;
    const run = await createAdmin({ MONGODB_URI: stackUri!, MONGODB_DB: db }, email);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`database ${db}`);
    expect(await adminIn(db, email)).not.toBeNull();
  });

  it('without MONGODB_URI, reaches the local FerretDB on MONGO_PORT, as npm start does', async () => {
    const db = newDb();
    const email = `admin-${randomUUID().slice(0, 8)}@example.test`;
    const run = await createAdmin({ MONGO_PORT: mongoPort, MONGODB_DB: db }, email);
    expect(run.code, run.output).toBe(0);
    expect(await adminIn(db, email)).not.toBeNull();
  });

  it('reads .env from the working directory, the real environment winning', async () => {
    const [fromFile, fromEnv] = [newDb(), newDb()];
    writeFileSync(path.join(cwd, '.env'), `MONGO_PORT=${mongoPort}\nMONGODB_DB=${fromFile}\n`);
    try {
      const first = `admin-${randomUUID().slice(0, 8)}@example.test`;
      expect((await createAdmin({}, first)).code).toBe(0);
      expect(await adminIn(fromFile, first)).not.toBeNull();

      const second = `admin-${randomUUID().slice(0, 8)}@example.test`;
      expect((await createAdmin({ MONGODB_DB: fromEnv }, second)).code).toBe(0);
      expect(await adminIn(fromEnv, second)).not.toBeNull();
      expect(await adminIn(fromFile, second)).toBeNull();
    } finally {
      rmSync(path.join(cwd, '.env'));
    }
  });
});
