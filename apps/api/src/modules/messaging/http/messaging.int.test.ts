import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { bookedPair, collect, connect, doctorWithHours, emitAck, nextEvent } from '../../../test-support/chat.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { settleSideEffects } from '../../../test-support/outbox.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { tinyPdf, tinyPng, uploadFile } from '../../../test-support/uploads.ts';

let api: TestApi;
let admin: { c: ApiClient; id: string };
let pair: Awaited<ReturnType<typeof bookedPair>>;
const sockets: Socket[] = [];
const open = async (token: string | undefined) => {
  const socket = await connect(api.baseUrl, token);
  sockets.push(socket);
  return socket;
};

beforeAll(async () => {
  api = await startTestApi();
  admin = await signedInAdmin(api);
  pair = await bookedPair(api, admin.c);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await api?.stop();
});

const messagesOf = async (c: ApiClient, conversationId: string, query = '') => {
  const res = await c.get(`/api/v1/conversations/${conversationId}/messages${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body as {
    items: { id: string; seq: number; text?: string; clientId: string; senderId: string }[];
    hasMore: boolean;
  };
};
const send = (c: ApiClient, conversationId: string, body: Record<string, unknown>) =>
  c.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: randomUUID(), kind: 'text', ...body });

describe('conversations', () => {
  it('opens with the booking for both participants, and POST with the appointment answers the same one', async () => {
    await settleSideEffects(api);
    for (const c of [pair.patient.c, pair.doctor.c]) {
      const list = await c.get('/api/v1/conversations');
      expect(list.status, list.text).toBe(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(pair.conversationId);
      const item = list.body.items.find((i: { id: string }) => i.id === pair.conversationId);
      expect(item).toMatchObject({
        patient: { id: pair.patient.id, name: 'Asha Patient' },
        doctor: { id: pair.doctor.id },
        canPost: true,
        unreadCount: 0,
      });
    }
    const again = await pair.doctor.c.post('/api/v1/conversations', { appointmentId: pair.appointmentId });
    expect(again.status, again.text).toBe(200);
    expect(again.body.conversation.id).toBe(pair.conversationId);
  });

  it('is nobody else’s: another patient, another doctor and an admin get 404 / 403, over REST and the socket', async () => {
    const stranger = await signedIn(api, 'patient', 'Stranger');
    const otherDoctor = await doctorWithHours(api, admin.c, 'Dr Other');
    for (const c of [stranger.c, otherDoctor.c]) {
      expect((await c.get(`/api/v1/conversations/${pair.conversationId}`)).status).toBe(404);
      expect((await c.get(`/api/v1/conversations/${pair.conversationId}/messages`)).status).toBe(404);
      expect((await send(c, pair.conversationId, { text: 'hi' })).status).toBe(404);
      expect((await c.post(`/api/v1/conversations/${pair.conversationId}/read`, { upToSeq: 1 })).status).toBe(404);
      expect((await c.post('/api/v1/conversations', { appointmentId: pair.appointmentId })).status).toBe(404);
      const socket = await open(c.accessToken);
      const ack = await emitAck(socket, 'message:send', {
        conversationId: pair.conversationId,
        clientId: randomUUID(),
        kind: 'text',
        text: 'hi',
      });
      expect(ack.error.code).toBe('NOT_FOUND');
    }
    for (const path of [`/api/v1/conversations/${pair.conversationId}`, '/api/v1/conversations']) {
      expect((await admin.c.get(path)).status).toBe(403);
    }
    const adminSocket = await open(admin.c.accessToken);
    const ack = await emitAck(adminSocket, 'message:send', {
      conversationId: pair.conversationId,
      clientId: randomUUID(),
      kind: 'text',
      text: 'hi',
    });
    expect(ack.error.code).toBe('NOT_FOUND');
    expect((await messagesOf(pair.patient.c, pair.conversationId)).items.map((m) => m.text)).not.toContain('hi');
  });

  it('refuses a socket without a valid token with UNAUTHENTICATED', async () => {
    for (const token of [undefined, 'not-a-token', `${pair.patient.c.accessToken}x`]) {
      await expect(connect(api.baseUrl, token)).rejects.toThrow('UNAUTHENTICATED');
    }
  });
});

describe('messages in real time', () => {
  it('a message sent over the socket reaches every tab of both participants, and one over REST too', async () => {
    const [patientTab1, patientTab2, doctorTab] = await Promise.all([
      open(pair.patient.c.accessToken),
      open(pair.patient.c.accessToken),
      open(pair.doctor.c.accessToken),
    ]);
    const clientId = randomUUID();
    const arrivals = [patientTab2, doctorTab, patientTab1].map((s) =>
      nextEvent(s, 'message:new', (p: { message: { clientId: string } }) => p.message.clientId === clientId),
    );
    const ack = await emitAck(patientTab1, 'message:send', {
      conversationId: pair.conversationId,
      clientId,
      kind: 'text',
      text: 'Namaste doctor 🙏 the headache is back',
    });
    expect(ack.message).toMatchObject({
      clientId,
      senderId: pair.patient.id,
      kind: 'text',
      text: 'Namaste doctor 🙏 the headache is back',
    });
    for (const { message } of await Promise.all(arrivals)) expect(message).toEqual(ack.message);

    const reply = nextEvent(
      patientTab1,
      'message:new',
      (p: { message: { senderId: string } }) => p.message.senderId === pair.doctor.id,
    );
    const rest = await send(pair.doctor.c, pair.conversationId, { text: 'Please keep a diary <b>of it</b>' });
    expect(rest.status, rest.text).toBe(201);
    expect((await reply).message).toEqual(rest.body.message);
    expect(rest.body.message.seq).toBe(ack.message.seq + 1);
  });

  it('a retried client id stores one message: REST twice, socket and REST at once', async () => {
    const clientId = randomUUID();
    const first = await send(pair.patient.c, pair.conversationId, { clientId, text: 'once' });
    const second = await send(pair.patient.c, pair.conversationId, { clientId, text: 'once' });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.message).toEqual(first.body.message);

    const racingId = randomUUID();
    const socket = await open(pair.patient.c.accessToken);
    const results = await Promise.all([
      emitAck(socket, 'message:send', { conversationId: pair.conversationId, clientId: racingId, kind: 'text', text: 'raced' }),
      send(pair.patient.c, pair.conversationId, { clientId: racingId, text: 'raced' }),
      send(pair.patient.c, pair.conversationId, { clientId: racingId, text: 'raced' }),
    ]);
    const ids = [results[0].message.id, results[1].body.message.id, results[2].body.message.id];
    expect(new Set(ids).size).toBe(1);
    const { items } = await messagesOf(pair.patient.c, pair.conversationId, '?limit=100');
    expect(items.filter((m) => m.clientId === clientId)).toHaveLength(1);
    expect(items.filter((m) => m.clientId === racingId)).toHaveLength(1);
    // Seqs have no gap and no repeat.
    expect(items.map((m) => m.seq)).toEqual(items.map((_, i) => i + 1));
  });

  it('after=SEQ returns exactly what was missed; before=SEQ pages back; q= searches the text', async () => {
    const { items: before } = await messagesOf(pair.doctor.c, pair.conversationId, '?limit=100');
    const last = before.at(-1)!.seq;
    const missed = [];
    for (let i = 0; i < 7; i++)
      missed.push((await send(pair.patient.c, pair.conversationId, { text: `missed ${i}` })).body.message);
    const caughtUp = await messagesOf(pair.doctor.c, pair.conversationId, `?after=${last}`);
    expect(caughtUp.items).toEqual(missed);
    expect(caughtUp.hasMore).toBe(false);
    const firstPart = await messagesOf(pair.doctor.c, pair.conversationId, `?after=${last}&limit=3`);
    expect(firstPart.items.map((m) => m.seq)).toEqual([last + 1, last + 2, last + 3]);
    expect(firstPart.hasMore).toBe(true);
    const between = await messagesOf(pair.doctor.c, pair.conversationId, `?after=${last + 2}&before=${last + 5}`);
    expect(between.items.map((m) => m.seq)).toEqual([last + 3, last + 4]);
    expect(between.hasMore).toBe(false);

    const latest = await messagesOf(pair.doctor.c, pair.conversationId, '?limit=4');
    expect(latest.items.map((m) => m.text)).toEqual(['missed 3', 'missed 4', 'missed 5', 'missed 6']);
    expect(latest.hasMore).toBe(true);
    const older = await messagesOf(pair.doctor.c, pair.conversationId, `?before=${latest.items[0]!.seq}&limit=2`);
    expect(older.items.map((m) => m.text)).toEqual(['missed 1', 'missed 2']);

    const found = await messagesOf(pair.doctor.c, pair.conversationId, `?q=${encodeURIComponent('HEADACHE')}`);
    expect(found.items.map((m) => m.text)).toEqual(['Namaste doctor 🙏 the headache is back']);
    expect((await messagesOf(pair.doctor.c, pair.conversationId, '?q=nothing-like-this')).items).toEqual([]);
  });

  it('counts unread per conversation and in total, and read receipts reach the sender', async () => {
    await settleSideEffects(api);
    const unread = async (c: ApiClient) => (await c.get('/api/v1/conversations')).body;
    const doctorView = await unread(pair.doctor.c);
    expect(doctorView.unreadTotal).toBeGreaterThan(0);
    expect(doctorView.items[0].unreadCount).toBe(doctorView.unreadTotal);
    expect((await unread(pair.patient.c)).items[0].unreadCount).toBe(0);

    const patientSocket = await open(pair.patient.c.accessToken);
    const tail = (await messagesOf(pair.doctor.c, pair.conversationId, '?limit=1')).items[0]!.seq;
    const receipt = nextEvent(patientSocket, 'conversation:read', (p: { userId: string }) => p.userId === pair.doctor.id);
    const read = await pair.doctor.c.post(`/api/v1/conversations/${pair.conversationId}/read`, { upToSeq: tail });
    expect(read.body).toEqual({ conversationId: pair.conversationId, readUpTo: tail });
    expect(await receipt).toEqual({ conversationId: pair.conversationId, userId: pair.doctor.id, upToSeq: tail });
    // Never moves back.
    const back = await pair.doctor.c.post(`/api/v1/conversations/${pair.conversationId}/read`, { upToSeq: 1 });
    expect(back.body.readUpTo).toBe(tail);
    expect((await unread(pair.doctor.c)).unreadTotal).toBe(0);
    const seen = await pair.patient.c.get(`/api/v1/conversations/${pair.conversationId}`);
    expect(seen.body.conversation).toMatchObject({ peerReadUpTo: tail, peerDeliveredUpTo: tail });
  });

  it('relays typing to the other participant only, and delivery receipts to the sender', async () => {
    const [patientSocket, doctorSocket, otherPatientTab] = await Promise.all([
      open(pair.patient.c.accessToken),
      open(pair.doctor.c.accessToken),
      open(pair.patient.c.accessToken),
    ]);
    const ownEcho = collect(otherPatientTab, 'typing');
    const typing = nextEvent(doctorSocket, 'typing');
    await emitAck(patientSocket, 'typing', { conversationId: pair.conversationId, isTyping: true });
    expect(await typing).toEqual({ conversationId: pair.conversationId, userId: pair.patient.id, isTyping: true });

    const sent = (await send(pair.patient.c, pair.conversationId, { text: 'are you there?' })).body.message;
    const delivered = nextEvent(patientSocket, 'conversation:delivered');
    await emitAck(doctorSocket, 'conversation:delivered', { conversationId: pair.conversationId, upToSeq: sent.seq });
    expect(await delivered).toEqual({ conversationId: pair.conversationId, userId: pair.doctor.id, upToSeq: sent.seq });
    expect(ownEcho).toEqual([]);
  });

  it('answers bad socket input with field errors and changes nothing', async () => {
    const socket = await open(pair.patient.c.accessToken);
    const before = (await messagesOf(pair.patient.c, pair.conversationId, '?limit=1')).items[0]!.seq;
    const cases: [unknown, string][] = [
      [{ conversationId: pair.conversationId, clientId: randomUUID(), kind: 'text', text: '   ' }, 'text'],
      [{ conversationId: pair.conversationId, clientId: randomUUID(), kind: 'text', text: 'x'.repeat(4001) }, 'text'],
      [{ conversationId: pair.conversationId, clientId: 'short', kind: 'text', text: 'hi' }, 'clientId'],
      [{ conversationId: pair.conversationId, clientId: randomUUID(), kind: 'sticker', text: 'hi' }, 'kind'],
      [{ conversationId: pair.conversationId, clientId: randomUUID(), kind: 'image' }, 'fileId'],
      [
        { conversationId: pair.conversationId, clientId: randomUUID(), kind: 'video', fileId: 'f', durationMs: 1e9 },
        'durationMs',
      ],
      [null, 'kind'],
      [{ clientId: randomUUID(), kind: 'text', text: 'hi' }, 'conversationId'],
    ];
    for (const [payload, field] of cases) {
      const ack = await emitAck(socket, 'message:send', payload);
      expect(ack.error.code, JSON.stringify(payload)).toBe('VALIDATION_FAILED');
      expect(Object.keys(ack.error.details.fieldErrors)).toContain(field);
    }
    expect((await emitAck(socket, 'no:such-event', {})).error.code).toBe('NOT_FOUND');
    expect((await messagesOf(pair.patient.c, pair.conversationId, '?limit=1')).items[0]!.seq).toBe(before);
  });
});

describe('media', () => {
  it('sends an image and a PDF the other participant may open, and nobody else (not an admin either)', async () => {
    const imageId = await uploadFile(pair.patient.c, 'chat-media', 'image/png', tinyPng);
    const image = await send(pair.patient.c, pair.conversationId, { kind: 'image', fileId: imageId, text: 'the rash' });
    expect(image.status, image.text).toBe(201);
    expect(image.body.message.media).toMatchObject({ fileId: imageId, contentType: 'image/png', size: tinyPng.byteLength });
    const pdfId = await uploadFile(pair.doctor.c, 'chat-media', 'application/pdf', tinyPdf);
    const pdf = await send(pair.doctor.c, pair.conversationId, { kind: 'file', fileId: pdfId });
    expect(pdf.status, pdf.text).toBe(201);

    for (const c of [pair.patient.c, pair.doctor.c]) {
      const link = await c.get(`/api/v1/files/${imageId}/url`);
      expect(link.status, link.text).toBe(200);
      const bytes = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
      expect(bytes).toEqual(tinyPng);
    }
    const stranger = await signedIn(api, 'patient');
    for (const c of [stranger.c, admin.c]) expect((await c.get(`/api/v1/files/${imageId}/url`)).status).toBe(404);
  });

  it('refuses media that is someone else’s, missing, of another kind, or already sent elsewhere', async () => {
    const before = (await messagesOf(pair.patient.c, pair.conversationId, '?limit=1')).items[0]!.seq;
    const strangersFile = await uploadFile((await signedIn(api, 'patient')).c, 'chat-media', 'image/png', tinyPng);
    expect((await send(pair.patient.c, pair.conversationId, { kind: 'image', fileId: strangersFile })).status).toBe(403);
    const missing = await send(pair.patient.c, pair.conversationId, { kind: 'image', fileId: randomUUID() });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fieldErrors.fileId).toBeDefined();
    // Declared but never uploaded: the HEAD check refuses it.
    const declared = await pair.patient.c.post('/api/v1/uploads', { purpose: 'chat-media', contentType: 'image/png', size: 68 });
    expect((await send(pair.patient.c, pair.conversationId, { kind: 'image', fileId: declared.body.fileId })).status).toBe(400);
    const pdfId = await uploadFile(pair.patient.c, 'chat-media', 'application/pdf', tinyPdf);
    const wrongKind = await send(pair.patient.c, pair.conversationId, { kind: 'audio', fileId: pdfId });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details.fieldErrors.fileId[0]).toMatch(/voice note/);
    expect((await messagesOf(pair.patient.c, pair.conversationId, '?limit=1')).items[0]!.seq).toBe(before);

    const other = await bookedPair(api, admin.c, pair.doctor);
    const sentThere = await uploadFile(pair.doctor.c, 'chat-media', 'image/png', tinyPng);
    expect((await send(pair.doctor.c, other.conversationId, { kind: 'image', fileId: sentThere })).status).toBe(201);
    const reused = await send(pair.doctor.c, pair.conversationId, { kind: 'image', fileId: sentThere });
    expect(reused.status).toBe(400);
    // The other conversation's patient may see it; this one's may not.
    expect((await other.patient.c.get(`/api/v1/files/${sentThere}/url`)).status).toBe(200);
    expect((await pair.patient.c.get(`/api/v1/files/${sentThere}/url`)).status).toBe(404);
  });
});

describe('posting window', () => {
  it('closes when the only appointment is cancelled, and says why', async () => {
    const cancelled = await bookedPair(api, admin.c, pair.doctor);
    const cancel = await cancelled.patient.c.post(`/api/v1/appointments/${cancelled.appointmentId}/cancel`, {
      reason: 'Feeling better',
    });
    expect(cancel.status, cancel.text).toBe(200);
    await settleSideEffects(api);
    const view = await cancelled.patient.c.get(`/api/v1/conversations/${cancelled.conversationId}`);
    expect(view.body.conversation).toMatchObject({ canPost: false, readOnlyReason: expect.stringMatching(/cancelled/) });
    const refused = await send(cancelled.doctor.c, cancelled.conversationId, { text: 'still there?' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/cancelled/);
    // Still readable.
    expect((await cancelled.patient.c.get(`/api/v1/conversations/${cancelled.conversationId}/messages`)).status).toBe(200);
  });
});
