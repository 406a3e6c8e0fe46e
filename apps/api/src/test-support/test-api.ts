import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MongoClient } from 'mongodb';
import { loadConfig } from '../main/config.ts';
import { buildContainer } from '../main/container.ts';
import { makeLogger } from '../platform/logger.ts';
import type { QueryShape } from './index-coverage.ts';
import { recordingQueries } from './query-recorder.ts';

/** A clock tests can move forward, e.g. past a code's expiry. */
export class TestClock {
  offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number) {
    this.offsetMs += ms;
  }
}

/**
 * Starts the real API in this process on a free port, against the real
 * services `npm test` started (addresses in the environment), in a database
 * of its own so test files never see each other's data.
 */
export async function startTestApi(
  env: Record<string, string> = {},
  logSink?: { write(line: string): void },
  /** A second API process on another test API's database (which that one drops when it stops). */
  shared?: { dbName: string },
  /** Hands over every query the API's own Mongo client sends, from start-up on (see query-recorder.ts). */
  onQuery?: (query: QueryShape) => void,
) {
  if (!process.env['MONGODB_URI']) throw new Error('Integration tests need the services: run them with `npm test`.');
  const dbName = shared?.dbName ?? `it_${randomUUID().slice(0, 8)}`;
  const clock = new TestClock();
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', MONGODB_DB: dbName, ...env });
  const logger = logSink ? makeLogger('trace', logSink) : makeLogger('silent');
  const build = () => buildContainer(config, logger, { clock });
  const container = await (onQuery ? recordingQueries(build, onQuery) : build());
  const server: Server = createServer(container.app);
  container.realtime.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mongo = new MongoClient(config.mongo.uri);
  await mongo.connect();
  return {
    baseUrl,
    dbName,
    clock,
    config,
    container,
    db: mongo.db(dbName),
    async stop() {
      // Sockets first: an open WebSocket would keep the HTTP server from closing.
      await container.realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!shared) {
        await mongo
          .db(dbName)
          .dropDatabase()
          .catch(() => {});
      }
      await mongo.close();
      await container.close();
    },
  };
}
export type TestApi = Awaited<ReturnType<typeof startTestApi>>;

/** Another API process on the same data that accepts the same access tokens (as a second instance behind the proxy would). */
export function startSiblingApi(of: TestApi, env: Record<string, string> = {}) {
  return startTestApi({ JWT_SECRET: of.config.jwtSecret, ...env }, undefined, { dbName: of.dbName });
}
