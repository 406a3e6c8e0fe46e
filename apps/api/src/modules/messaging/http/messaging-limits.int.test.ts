import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { signedInAdmin } from '../../../test-support/accounts.ts';
import { bookedPair, connect, emitAck } from '../../../test-support/chat.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { settleSideEffects } from '../../../test-support/outbox.ts';
import { startSiblingApi, startTestApi, type TestApi } from '../../../test-support/test-api.ts';

/**
 * What bounds a conversation: the per-user message rate (REST and socket
 * together), the socket's life (its token's, and not a moment past a block),
 * and the posting window (14 days after the last completed consultation).
 */

let api: TestApi;
let admin: ApiClient;
const sockets: Socket[] = [];
beforeAll(async () => {
  api = await startTestApi({ RATE_MESSAGE_USER: '3' });
  admin = (await signedInAdmin(api)).c;
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await api?.stop();
});

const text = (conversationId: string) => ({ conversationId, clientId: randomUUID(), kind: 'text', text: 'hello' });
const post = (c: ApiClient, conversationId: string) =>
  c.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: randomUUID(), kind: 'text', text: 'hello' });
const disconnected = (socket: Socket, ms: number) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
const open = async (baseUrl: string, token: string | undefined) => {
  const socket = await connect(baseUrl, token);
  sockets.push(socket);
  return socket;
};

it('limits messages per user across REST and the socket, with a clear error and Retry-After', async () => {
  const pair = await bookedPair(api, admin);
  const socket = await open(api.baseUrl, pair.patient.c.accessToken);
  const retried = { clientId: randomUUID(), kind: 'text', text: 'hello' };
  const path = `/api/v1/conversations/${pair.conversationId}/messages`;
  expect((await pair.patient.c.post(path, retried)).status).toBe(201);
  // The same client id again is a retry, not a new message: it spends nothing.
  expect((await pair.patient.c.post(path, retried)).status).toBe(200);
  expect((await emitAck(socket, 'message:send', text(pair.conversationId))).message).toBeDefined();
  expect((await emitAck(socket, 'message:send', text(pair.conversationId))).message).toBeDefined();
  const refused = await emitAck(socket, 'message:send', text(pair.conversationId));
  expect(refused.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/too fast/) });
  const rest = await post(pair.patient.c, pair.conversationId);
  expect(rest.status).toBe(429);
  expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);
  // The other participant has a budget of their own.
  expect((await post(pair.doctor.c, pair.conversationId)).status).toBe(201);
});

it('drops a socket when its token expires', async () => {
  const pair = await bookedPair(api, admin);
  // A second API process on the same data whose access tokens live 2 seconds.
  const shortLived = await startSiblingApi(api, { ACCESS_TOKEN_TTL_SECONDS: '2' });
  try {
    const refreshed = await fetch(`${shortLived.baseUrl}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { cookie: pair.doctor.c.cookie! },
    });
    const token = ((await refreshed.json()) as { accessToken: string }).accessToken;
    const socket = await open(shortLived.baseUrl, token);
    expect(await disconnected(socket, 5_000)).toBe('io server disconnect');
  } finally {
    await shortLived.stop();
  }
});

it('drops every socket of an account the moment it is blocked, and refuses it a new one', async () => {
  const pair = await bookedPair(api, admin);
  const token = pair.patient.c.accessToken;
  const tabs = await Promise.all([open(api.baseUrl, token), open(api.baseUrl, token)]);
  const dropped = tabs.map((tab) => disconnected(tab, 2_500));
  const block = await admin.post(`/api/v1/admin/users/${pair.patient.id}/block`, { reason: 'Abusive messages' });
  expect(block.status, block.text).toBe(200);
  await settleSideEffects(api);
  expect(await Promise.all(dropped)).toEqual(['io server disconnect', 'io server disconnect']);
  await expect(connect(api.baseUrl, token)).rejects.toThrow(/UNAUTHENTICATED|ACCOUNT_BLOCKED/);
});

it("drops a signed-out session's sockets within a minute, without making its events wait for the check before that", async () => {
  const pair = await bookedPair(api, admin);
  const [patientTab, doctorTab] = await Promise.all([
    open(api.baseUrl, pair.patient.c.accessToken),
    open(api.baseUrl, pair.doctor.c.accessToken),
  ]);
  expect((await pair.patient.c.post('/api/v1/auth/logout')).status).toBe(204);
  expect((await pair.doctor.c.post('/api/v1/auth/logout')).status).toBe(204);

  const stored = () => api.db.collection('messages').countDocuments({ key: pair.conversationId });

  // Half a minute after the last check: the event is served on it (the message is stored), while
  // a new check runs beside it, finds the session ended and drops the socket (perhaps before the ack).
  api.clock.advance(31_000);
  const dropped = disconnected(patientTab, 2_500);
  patientTab.emit('message:send', text(pair.conversationId));
  expect(await dropped).toBe('io server disconnect');
  await vi.waitFor(async () => expect(await stored()).toBe(1));

  // A minute after: the event waits for the check, and is refused.
  api.clock.advance(30_000);
  const refused = await emitAck(doctorTab, 'message:send', text(pair.conversationId));
  expect(refused.error).toMatchObject({ code: 'UNAUTHENTICATED' });
  expect(await stored()).toBe(1);
});

it('stays open 14 days after the last completed consultation, then becomes read-only', async () => {
  const pair = await bookedPair(api, admin);
  api.clock.advance(2 * 86_400_000);
  const completed = await pair.doctor.c.post(`/api/v1/appointments/${pair.appointmentId}/complete`);
  expect(completed.status, completed.text).toBe(200);
  await settleSideEffects(api);
  api.clock.advance(12 * 86_400_000);
  expect((await post(pair.patient.c, pair.conversationId)).status).toBe(201);
  const open13 = await pair.patient.c.get(`/api/v1/conversations/${pair.conversationId}`);
  expect(open13.body.conversation).toMatchObject({ canPost: true, openUntil: expect.any(String) });
  api.clock.advance(2 * 86_400_000);
  const refused = await post(pair.doctor.c, pair.conversationId);
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/14 days after your last consultation/);
  const closed = await pair.patient.c.get(`/api/v1/conversations/${pair.conversationId}`);
  expect(closed.body.conversation).toMatchObject({ canPost: false, readOnlyReason: expect.stringMatching(/14 days/) });
});
