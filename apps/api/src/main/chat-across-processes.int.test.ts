import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedInAdmin } from '../test-support/accounts.ts';
import { bookedPair, connect, emitAck, nextEvent } from '../test-support/chat.ts';
import { startRedis, type RedisProcess } from '../test-support/redis-process.ts';
import { startSiblingApi, startTestApi, type TestApi } from '../test-support/test-api.ts';

/**
 * Two API processes on one database behind one Redis (the Streams adapter):
 * a socket on A hears, within a second, what is sent through B (socket or
 * REST); Redis killed and restarted empty mid-conversation loses nothing
 * (MongoDB holds the messages; a client catches up with `after=`), and
 * delivery across the processes resumes.
 */

let redis: RedisProcess;
let a: TestApi;
let b: TestApi;
let pair: Awaited<ReturnType<typeof bookedPair>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  redis = await startRedis();
  a = await startTestApi({ REDIS_URL: redis.url });
  b = await startSiblingApi(a, { REDIS_URL: redis.url });
  pair = await bookedPair(a, (await signedInAdmin(a)).c);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await b?.stop();
  await a?.stop();
  await redis?.stop();
});

const socketOn = async (api: TestApi, token: string | undefined, options = {}) => {
  const socket = await connect(api.baseUrl, token, options);
  sockets.push(socket);
  return socket;
};
const sendVia = (api: TestApi, token: string, text: string) =>
  fetch(`${api.baseUrl}/api/v1/conversations/${pair.conversationId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId: randomUUID(), kind: 'text', text }),
  });

it('a socket on process A receives within a second what is sent to process B, by socket and by REST', async () => {
  const doctorOnA = await socketOn(a, pair.doctor.c.accessToken);
  const patientOnB = await socketOn(b, pair.patient.c.accessToken);
  const clientId = randomUUID();
  const heard = nextEvent(
    doctorOnA,
    'message:new',
    (p: { message: { clientId: string } }) => p.message.clientId === clientId,
    1_000,
  );
  const started = Date.now();
  const ack = await emitAck(patientOnB, 'message:send', {
    conversationId: pair.conversationId,
    clientId,
    kind: 'text',
    text: 'via B',
  });
  expect((await heard).message).toEqual(ack.message);
  expect(Date.now() - started).toBeLessThan(1_000);

  const viaRest = nextEvent(
    doctorOnA,
    'message:new',
    (p: { message: { text: string } }) => p.message.text === 'via B, REST',
    1_000,
  );
  expect((await sendVia(b, pair.patient.c.accessToken!, 'via B, REST')).status).toBe(201);
  await viaRest;
});

it('loses nothing when Redis is killed and restarted empty mid-conversation, and delivery across processes resumes', async () => {
  const doctorOnA = await socketOn(a, pair.doctor.c.accessToken, { reconnection: true });
  const heard: string[] = [];
  doctorOnA.on('message:new', (p: { message: { text: string } }) => heard.push(p.message.text));
  const before = (
    (await await fetch(`${a.baseUrl}/api/v1/conversations/${pair.conversationId}/messages?limit=1`, {
      headers: { authorization: `Bearer ${pair.doctor.c.accessToken}` },
    }).then((r) => r.json())) as { items: { seq: number }[] }
  ).items[0]!.seq;

  await redis.kill();
  const duringOutage = [];
  for (let i = 0; i < 3; i++) {
    const res = await sendVia(b, pair.patient.c.accessToken!, `outage ${i}`);
    expect(res.status).toBe(201);
    duringOutage.push(`outage ${i}`);
  }
  await redis.restart();

  // MongoDB has every message: a client that missed them catches up.
  const caughtUp = (await (
    await fetch(`${a.baseUrl}/api/v1/conversations/${pair.conversationId}/messages?after=${before}`, {
      headers: { authorization: `Bearer ${pair.doctor.c.accessToken}` },
    })
  ).json()) as { items: { text: string; seq: number }[] };
  expect(caughtUp.items.map((m) => m.text)).toEqual(duringOutage);
  expect(caughtUp.items.map((m) => m.seq)).toEqual([before + 1, before + 2, before + 3]);

  // Delivery across the processes works again once the adapter is back on Redis.
  let delivered = false;
  for (let i = 0; i < 40 && !delivered; i++) {
    const text = `after restart ${i}`;
    expect((await sendVia(b, pair.patient.c.accessToken!, text)).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 250));
    delivered = heard.includes(text);
  }
  expect(delivered).toBe(true);
  expect(doctorOnA.connected).toBe(true);
});
