import { startServiceProcess } from './service-process.ts';

/**
 * A Redis of a test's own (Debian's redis-server, no persistence: a restart
 * comes back empty, as a Redis that lost its data does).
 */
export async function startRedis() {
  const redis = await startServiceProcess('redis-server', process.env['REDIS_SERVER_BIN'] ?? '/usr/bin/redis-server', (port) => [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--loglevel',
    'warning',
  ]);
  return { ...redis, url: `redis://127.0.0.1:${redis.port}` };
}
export type RedisProcess = Awaited<ReturnType<typeof startRedis>>;
