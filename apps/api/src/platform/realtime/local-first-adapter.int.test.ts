import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRedis, type RedisProcess } from '../../test-support/redis-process.ts';
import { localFirst } from './local-first-adapter.ts';

/**
 * Two Socket.io servers on one real Redis (the Streams adapter, connection
 * state recovery on): a broadcast reaches the sending process's sockets
 * without waiting for Redis, and the other process's once Redis has it.
 */

let redis: RedisProcess;
const closers: (() => unknown)[] = [];

async function startServer() {
  const client = new Redis(redis.url, { maxRetriesPerRequest: null });
  const http = createServer();
  const fromOthers: unknown[] = [];
  const io = new Server(http, {
    connectionStateRecovery: { maxDisconnectionDuration: 60_000 },
    adapter: localFirst(createAdapter(client, { streamName: 'sio:local-first-test', blockTimeInMs: 100 }), (packet) =>
      fromOthers.push(packet.data),
    ),
  });
  io.on('connection', (socket) => void socket.join('room'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    await io.close(); // the adapter says goodbye through its Redis connection
    client.disconnect();
  });
  return { io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, fromOthers };
}

async function tab(url: string) {
  const socket: Socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  closers.push(() => socket.disconnect());
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const received: unknown[] = [];
  socket.on('news', (payload: unknown) => received.push(payload));
  return received;
}

const until = async (check: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await redis?.stop();
});

it('delivers to its own sockets at once, even while Redis does not answer, and to the other process through Redis, which it shows the packet', async () => {
  const [a, b] = [await startServer(), await startServer()];
  const [onA, onB] = [await tab(a.url), await tab(b.url)];

  a.io.to('room').emit('news', { n: 1 });
  expect(await until(() => onA.length === 1 && onB.length === 1, 2_000)).toBe(true);

  redis.pause();
  try {
    a.io.to('room').emit('news', { n: 2 });
    expect(await until(() => onA.length === 2, 1_000)).toBe(true);
    expect(onB).toHaveLength(1);
  } finally {
    redis.resume();
  }
  expect(await until(() => onB.length === 2, 3_000)).toBe(true);
  // Each tab got each packet once: the sender's own sockets are not served again from Redis.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(onA.map((p) => (p as { n: number }).n)).toEqual([1, 2]);
  expect(onB.map((p) => (p as { n: number }).n)).toEqual([1, 2]);
  // Each process is shown what the other broadcasts (whoever its sockets are; with the stream
  // offset for connection state recovery), and not its own.
  b.io.to('nobody-here').emit('news', { n: 3 });
  expect(await until(() => a.fromOthers.length === 1, 2_000)).toBe(true);
  const offset = expect.any(String);
  expect(a.fromOthers).toEqual([['news', { n: 3 }, offset]]);
  expect(b.fromOthers).toEqual([
    ['news', { n: 1 }, offset],
    ['news', { n: 2 }, offset],
  ]);
});
