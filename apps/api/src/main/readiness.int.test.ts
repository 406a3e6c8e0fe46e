import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFerretDb, type FerretDbProcess } from '../test-support/ferretdb-process.ts';
import { ApiClient } from '../test-support/http-client.ts';
import { startRedis, type RedisProcess } from '../test-support/redis-process.ts';
import { startTestApi, type TestApi } from '../test-support/test-api.ts';

/**
 * `/readyz` with a FerretDB and a Redis of the test's own: it answers within
 * its probe timeout whatever the dependencies do (a paused FerretDB keeps its
 * connections open and never answers), names what is down, and is ready again
 * once they are back.
 */

let ferret: FerretDbProcess;
let redis: RedisProcess;
let api: TestApi;
beforeAll(async () => {
  [ferret, redis] = await Promise.all([startFerretDb(), startRedis()]);
  api = await startTestApi({ MONGODB_URI: ferret.uri, REDIS_URL: redis.url });
});
afterAll(async () => {
  ferret?.resume();
  await api?.stop();
  await Promise.all([ferret?.stop(), redis?.stop()]);
});

async function probe() {
  const started = Date.now();
  const res = await new ApiClient(api.baseUrl).get('/readyz');
  return { status: res.status, body: res.body, ms: Date.now() - started };
}

const eventually = async (check: () => Promise<boolean>, ms: number) => {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    if (await check()) return true;
  }
  return check();
};
const ready = async () => (await probe()).status === 200;

it('answers 503 within about a second, naming the database, while FerretDB is paused; 200 once it runs again', async () => {
  expect(await probe()).toMatchObject({ status: 200, body: { status: 'ready', checks: { mongo: 'ok', redis: 'ok' } } });
  ferret.pause();
  try {
    const probes = await Promise.all(Array.from({ length: 5 }, probe));
    for (const p of probes) {
      expect(p).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { mongo: 'down', redis: 'ok' } } });
      expect(p.ms).toBeLessThan(2_000);
    }
  } finally {
    ferret.resume();
  }
  expect(await eventually(ready, 10_000)).toBe(true);
});

it('answers 503 while FerretDB is killed, and 200 after it restarts on the same data', async () => {
  await ferret.kill();
  const down = await probe();
  expect(down).toMatchObject({ status: 503, body: { checks: { mongo: 'down', redis: 'ok' } } });
  expect(down.ms).toBeLessThan(2_000);
  await ferret.restart();
  expect(await eventually(ready, 15_000)).toBe(true);
});

it('names both when both are down', async () => {
  ferret.pause();
  await redis.kill();
  try {
    const both = await probe();
    expect(both).toMatchObject({ status: 503, body: { checks: { mongo: 'down', redis: 'down' } } });
    expect(both.ms).toBeLessThan(2_000);
  } finally {
    ferret.resume();
    await redis.restart();
  }
  expect(await eventually(ready, 15_000)).toBe(true);
});
