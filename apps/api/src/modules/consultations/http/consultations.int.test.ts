import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { bookedPair, collect, connect, doctorWithHours, emitAck, nextEvent } from '../../../test-support/chat.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { startSiblingApi, startTestApi, type TestApi } from '../../../test-support/test-api.ts';

/**
 * The video consultation: who may join and when (the REST join and the socket's `call:join`
 * alike), signalling relayed between the call's two sockets and to nobody else (across API
 * processes too), and what the appointment records of it.
 */

let api: TestApi;
let admin: ApiClient;
let doctor: Awaited<ReturnType<typeof doctorWithHours>>;
const sockets: Socket[] = [];
beforeAll(async () => {
  api = await startTestApi({ ICE_SERVERS: '[{"urls":"stun:stun.example.org:3478"}]' });
  admin = (await signedInAdmin(api)).c;
  doctor = await doctorWithHours(api, admin, 'Dr Video');
});
// Each test books at the real time, then moves the clock to its appointment.
beforeEach(() => {
  api.clock.offsetMs = 0;
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await api?.stop();
});

const open = async (baseUrl: string, c: ApiClient) => {
  const socket = await connect(baseUrl, c.accessToken);
  sockets.push(socket);
  return socket;
};
const startOf = async (c: ApiClient, id: string) => {
  const res = await c.get(`/api/v1/appointments/${id}`);
  return res.body.appointment as { start: string; end: string; consultation: Record<string, unknown> };
};
/** Moves the API's clock to `ms` after the appointment's start. */
const at = async (id: string, ms: number, apis: TestApi[] = [api]) => {
  const { start } = await startOf(doctor.c, id);
  for (const a of apis) a.clock.offsetMs = Date.parse(start) + ms - Date.now();
};
const join = (c: ApiClient, id: string) => c.post(`/api/v1/appointments/${id}/video/join`);
const offer = { description: { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' } };
const MIN = 60_000;

describe('POST /appointments/:id/video/join', () => {
  it('answers its patient and doctor inside the window with the built-in WebRTC room and ICE servers', async () => {
    const pair = await bookedPair(api, admin, doctor);
    await at(pair.appointmentId, -10 * MIN);
    for (const c of [pair.patient.c, doctor.c]) {
      const res = await join(c, pair.appointmentId);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({
        provider: 'webrtc',
        roomId: pair.appointmentId,
        iceServers: [{ urls: 'stun:stun.example.org:3478' }],
      });
    }
  });

  it('answers a Zego Token04 for that user and room when calls run on Zego, and lets the browser reach Zego', async () => {
    const zego = await startSiblingApi(api, { ZEGO_APP_ID: '1234567', ZEGO_SERVER_SECRET: 'z'.repeat(32) });
    try {
      const pair = await bookedPair(api, admin, doctor);
      await at(pair.appointmentId, 0, [zego]);
      const res = await fetch(`${zego.baseUrl}/api/v1/appointments/${pair.appointmentId}/video/join`, {
        method: 'POST',
        headers: { authorization: `Bearer ${pair.patient.c.accessToken}` },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual({
        provider: 'zego',
        appId: 1234567,
        roomId: pair.appointmentId.replace(/-/g, '_'),
        userId: pair.patient.id.replace(/-/g, '_'),
        userName: 'Asha Patient',
        token: expect.stringMatching(/^04[A-Za-z0-9+/=]+$/),
      });
      expect(JSON.stringify(body)).not.toContain('z'.repeat(32));
      expect(res.headers.get('content-security-policy')).toContain('wss://*.zego.im');
    } finally {
      await zego.stop();
    }
  });

  it('is 404 for anyone but its patient and doctor, admins included', async () => {
    const pair = await bookedPair(api, admin, doctor);
    await at(pair.appointmentId, 0);
    const stranger = await signedIn(api, 'patient', 'Stranger');
    const otherDoctor = await doctorWithHours(api, admin, 'Dr Other');
    for (const c of [stranger.c, otherDoctor.c, admin]) {
      const res = await join(c, pair.appointmentId);
      expect(res.status, res.text).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await join(pair.patient.c, 'no-such-appointment')).status).toBe(404);
  });

  it('is 409 CONSULTATION_NOT_OPEN with the window outside [start - 10 min, end + 30 min], and for a cancelled appointment', async () => {
    const pair = await bookedPair(api, admin, doctor);
    const { start, end } = await startOf(doctor.c, pair.appointmentId);
    const window = {
      opensAt: new Date(Date.parse(start) - 10 * MIN).toISOString(),
      closesAt: new Date(Date.parse(end) + 30 * MIN).toISOString(),
    };
    const length = Date.parse(end) - Date.parse(start);
    for (const ms of [-10 * MIN - 1_000, length + 30 * MIN + 1_000]) {
      await at(pair.appointmentId, ms);
      const res = await join(pair.patient.c, pair.appointmentId);
      expect(res.status, res.text).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'CONSULTATION_NOT_OPEN', details: window });
    }
    api.clock.offsetMs = 0;
    expect(
      (await pair.patient.c.post(`/api/v1/appointments/${pair.appointmentId}/cancel`, { reason: 'Feeling better' })).status,
    ).toBe(200);
    await at(pair.appointmentId, 0);
    const res = await join(doctor.c, pair.appointmentId);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONSULTATION_NOT_OPEN');
  });
});

describe('the call on the socket', () => {
  it('joins the two sides, relays signals between them only, and records the call on the appointment', async () => {
    const pair = await bookedPair(api, admin, doctor);
    const id = pair.appointmentId;
    await at(id, -5 * MIN);
    const [patient, patientOtherTab, doc] = [
      await open(api.baseUrl, pair.patient.c),
      await open(api.baseUrl, pair.patient.c),
      await open(api.baseUrl, doctor.c),
    ];
    const stranger = await signedIn(api, 'patient', 'Eve');
    const eve = await open(api.baseUrl, stranger.c);
    const seenBy = {
      patientOtherTab: collect(patientOtherTab, 'call:signal'),
      eve: collect(eve, 'call:signal'),
      doc: collect(doc, 'call:signal'),
    };

    expect(await emitAck(patient, 'call:join', { appointmentId: id })).toEqual({ peers: [] });
    const peerJoined = nextEvent(patient, 'call:peer-joined', (e) => e.appointmentId === id);
    expect(await emitAck(doc, 'call:join', { appointmentId: id })).toEqual({
      peers: [{ userId: pair.patient.id, role: 'patient', connection: patient.id, joinedAt: expect.any(Number) }],
    });
    expect(await peerJoined).toEqual({
      appointmentId: id,
      userId: doctor.id,
      role: 'doctor',
      connection: doc.id,
      joinedAt: expect.any(Number),
    });

    // A third socket can neither join nor signal; what it sends reaches nobody.
    expect((await emitAck(eve, 'call:join', { appointmentId: id })).error.code).toBe('NOT_FOUND');
    expect((await emitAck(eve, 'call:signal', { appointmentId: id, data: offer })).error.code).toBe('NOT_FOUND');
    // Nor can the patient's tab that did not join.
    expect((await emitAck(patientOtherTab, 'call:signal', { appointmentId: id, data: offer })).error.code).toBe('NOT_FOUND');

    const relayed = nextEvent(doc, 'call:signal');
    expect(await emitAck(patient, 'call:signal', { appointmentId: id, data: offer })).toEqual({ ok: true });
    expect(await relayed).toEqual({ appointmentId: id, from: pair.patient.id, data: offer });
    const candidate = {
      candidate: { candidate: 'candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 },
    };
    const back = nextEvent(patient, 'call:signal');
    await emitAck(doc, 'call:signal', { appointmentId: id, data: candidate });
    expect((await back).data).toEqual(candidate);
    await new Promise((r) => setTimeout(r, 300));
    expect(seenBy.eve).toEqual([]);
    expect(seenBy.patientOtherTab).toEqual([]);
    expect(seenBy.doc).toHaveLength(1);

    // Ten minutes later the doctor hangs up: the patient is told, and the appointment has the call.
    await at(id, 5 * MIN);
    const peerLeft = nextEvent(patient, 'call:peer-left', (e) => e.appointmentId === id);
    expect(await emitAck(doc, 'call:leave', { appointmentId: id })).toEqual({ ok: true });
    expect(await peerLeft).toEqual({ appointmentId: id, userId: doctor.id, role: 'doctor', connection: doc.id });
    const { consultation } = await startOf(pair.patient.c, id);
    // Ten minutes of the test clock, plus the real time the test took between the two moments.
    expect(consultation['present']).toEqual(['patient']);
    expect(consultation['durationSeconds']).toBeGreaterThanOrEqual(599);
    expect(consultation['durationSeconds']).toBeLessThan(610);
    const lasted = Date.parse(consultation['endedAt'] as string) - Date.parse(consultation['startedAt'] as string);
    expect(Math.round(lasted / 1000)).toBe(consultation['durationSeconds']);
    expect(consultation['attendance']).toEqual([
      expect.objectContaining({ side: 'patient', joinedAt: expect.any(String) }),
      expect.objectContaining({ side: 'doctor', joinedAt: expect.any(String), leftAt: expect.any(String) }),
    ]);
    // After leaving, the doctor's socket signals nobody.
    expect((await emitAck(doc, 'call:signal', { appointmentId: id, data: offer })).error.code).toBe('NOT_FOUND');
  });

  it('refuses a join outside the window or by an admin, and bad signals with field errors', async () => {
    const pair = await bookedPair(api, admin, doctor);
    const id = pair.appointmentId;
    await at(id, -11 * MIN);
    const patient = await open(api.baseUrl, pair.patient.c);
    const refused = await emitAck(patient, 'call:join', { appointmentId: id });
    expect(refused.error).toMatchObject({
      code: 'CONSULTATION_NOT_OPEN',
      details: { opensAt: expect.any(String), closesAt: expect.any(String) },
    });
    const adminSocket = await open(api.baseUrl, admin);
    await at(id, 0);
    expect((await emitAck(adminSocket, 'call:join', { appointmentId: id })).error.code).toBe('NOT_FOUND');
    await emitAck(patient, 'call:join', { appointmentId: id });
    for (const data of [
      { description: { type: 'bogus', sdp: 'x' } },
      { candidate: { candidate: 'x'.repeat(3_000) } },
      { other: 1 },
      'text',
    ]) {
      const bad = await emitAck(patient, 'call:signal', { appointmentId: id, data });
      expect(bad.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(bad.error.details.fieldErrors).length).toBeGreaterThan(0);
    }
    for (const [event, payload, field] of [
      ['call:join', {}, 'appointmentId'],
      ['call:join', { appointmentId: 'x'.repeat(101) }, 'appointmentId'],
      ['call:leave', { appointmentId: 42 }, 'appointmentId'],
      ['call:signal', { data: { candidate: null } }, 'appointmentId'],
    ] as const) {
      const bad = await emitAck(patient, event, payload);
      expect(bad.error.code, event).toBe('VALIDATION_FAILED');
      expect(bad.error.details.fieldErrors, event).toHaveProperty(field);
    }
    const { consultation } = await startOf(doctor.c, id);
    expect(consultation['attendance']).toEqual([expect.objectContaining({ side: 'patient' })]);
  });

  it('lets a second tab of the same side take over the call, and counts a closed socket as gone', async () => {
    const pair = await bookedPair(api, admin, doctor);
    const id = pair.appointmentId;
    await at(id, 0);
    const [first, second, doc] = [
      await open(api.baseUrl, pair.patient.c),
      await open(api.baseUrl, pair.patient.c),
      await open(api.baseUrl, doctor.c),
    ];
    await emitAck(doc, 'call:join', { appointmentId: id });
    await emitAck(first, 'call:join', { appointmentId: id });
    const replaced = nextEvent(first, 'call:replaced');
    expect(await emitAck(second, 'call:join', { appointmentId: id })).toMatchObject({
      peers: [{ userId: doctor.id, role: 'doctor', connection: doc.id }],
    });
    expect(await replaced).toEqual({ appointmentId: id });
    const toFirst = collect(first, 'call:signal');
    const toSecond = nextEvent(second, 'call:signal');
    await emitAck(doc, 'call:signal', { appointmentId: id, data: offer });
    await toSecond;
    expect(toFirst).toEqual([]);
    expect((await emitAck(first, 'call:signal', { appointmentId: id, data: offer })).error.code).toBe('NOT_FOUND');

    const gone = nextEvent(doc, 'call:peer-left', (e) => e.appointmentId === id);
    const secondId = second.id;
    second.disconnect();
    expect(await gone).toEqual({ appointmentId: id, userId: pair.patient.id, role: 'patient', connection: secondId });
    const { consultation } = await startOf(doctor.c, id);
    expect(consultation['present']).toEqual(['doctor']);
    expect((consultation['attendance'] as { leftAt?: string }[]).filter((s) => !s.leftAt)).toHaveLength(1);
  });

  it('relays between two API processes, and a race of joins and leaves from both keeps every one of them', async () => {
    const sibling = await startSiblingApi(api);
    try {
      const pair = await bookedPair(api, admin, doctor);
      const id = pair.appointmentId;
      await at(id, 0, [api, sibling]);
      const patient = await open(api.baseUrl, pair.patient.c);
      const doc = await open(sibling.baseUrl, doctor.c);
      await emitAck(patient, 'call:join', { appointmentId: id });
      expect(await emitAck(doc, 'call:join', { appointmentId: id })).toMatchObject({
        peers: [{ userId: pair.patient.id, role: 'patient', connection: patient.id }],
      });
      const relayed = nextEvent(patient, 'call:signal');
      await emitAck(doc, 'call:signal', { appointmentId: id, data: offer });
      expect((await relayed).from).toBe(doctor.id);

      // Both sides leave and rejoin at once, five times, on different processes.
      for (let i = 0; i < 5; i++) {
        await Promise.all([
          emitAck(patient, 'call:leave', { appointmentId: id }),
          emitAck(doc, 'call:leave', { appointmentId: id }),
        ]);
        await Promise.all([
          emitAck(patient, 'call:join', { appointmentId: id }),
          emitAck(doc, 'call:join', { appointmentId: id }),
        ]);
      }
      const { consultation } = await startOf(doctor.c, id);
      const stays = consultation['attendance'] as { side: string; leftAt?: string }[];
      expect(stays.filter((s) => s.side === 'patient')).toHaveLength(6);
      expect(stays.filter((s) => s.side === 'doctor')).toHaveLength(6);
      expect(stays.filter((s) => !s.leftAt)).toHaveLength(2);
      expect((consultation['present'] as string[]).sort()).toEqual(['doctor', 'patient']);
    } finally {
      await sibling.stop();
    }
  });

  it('keeps one tab per side when tabs of one user join at the same moment, on one process or two', async () => {
    const sibling = await startSiblingApi(api);
    try {
      for (const [round, baseUrls] of [
        [api.baseUrl, api.baseUrl],
        [api.baseUrl, sibling.baseUrl],
        [sibling.baseUrl, api.baseUrl, api.baseUrl],
      ].entries()) {
        api.clock.offsetMs = sibling.clock.offsetMs = 0;
        const pair = await bookedPair(api, admin, doctor);
        const id = pair.appointmentId;
        await at(id, 0, [api, sibling]);
        const doc = await open(api.baseUrl, doctor.c);
        await emitAck(doc, 'call:join', { appointmentId: id });
        const tabs = await Promise.all(baseUrls.map((url) => open(url, pair.patient.c)));
        const told = tabs.map((tab) => collect(tab, 'call:replaced'));
        const acks = await Promise.all(tabs.map((tab) => emitAck(tab, 'call:join', { appointmentId: id })));
        // Every tab but one is told it was replaced (in its answer, or by the tab that replaced it).
        const replaced = () => tabs.filter((_, i) => acks[i].replaced || told[i]!.length > 0).length;
        await expect.poll(replaced, { timeout: 3_000 }).toBe(tabs.length - 1);

        // Exactly one tab hears the doctor, and only it can signal; every other one was told why.
        const heard = tabs.map((tab) => collect(tab, 'call:signal'));
        await emitAck(doc, 'call:signal', { appointmentId: id, data: offer });
        const fromTabs = await Promise.all(tabs.map((tab) => emitAck(tab, 'call:signal', { appointmentId: id, data: offer })));
        await new Promise((resolve) => setTimeout(resolve, 200));
        const stays = heard.flatMap((seen, i) => (seen.length ? [i] : []));
        expect(stays, `round ${round}`).toHaveLength(1);
        expect(
          fromTabs.map((ack) => !ack.error),
          `round ${round}`,
        ).toEqual(tabs.map((_, i) => i === stays[0]));
        expect(acks[stays[0]!].replaced, `round ${round}`).toBeFalsy();
        expect(told[stays[0]!], `round ${round}`).toEqual([]);
        const { consultation } = await startOf(doctor.c, id);
        const inCall = (consultation['attendance'] as { side: string; leftAt?: string }[]).filter((s) => !s.leftAt);
        expect(inCall.map((s) => s.side).sort(), `round ${round}`).toEqual(['doctor', 'patient']);
      }
    } finally {
      await sibling.stop();
    }
  });
});
