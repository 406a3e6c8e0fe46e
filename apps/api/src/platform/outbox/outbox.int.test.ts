import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../../test-support/accounts.ts';
import { approvedDoctor } from '../../test-support/doctors.ts';
import { ApiClient } from '../../test-support/http-client.ts';
import { ownMailpit } from '../../test-support/mailpit-process.ts';
import { startTestApi, type TestApi } from '../../test-support/test-api.ts';

/**
 * Mail is a side effect: with the mail server stopped, requests still succeed;
 * once it is back, every e-mail arrives exactly once, although two API
 * processes deliver from the same outbox and one of them restarts.
 */
const HOUR = 3_600_000;
const JWT_SECRET = randomBytes(32).toString('hex'); // shared, so every process accepts the same tokens

let setup: TestApi;
let mail: Awaited<ReturnType<typeof ownMailpit>>;
let doctorId: string;
let patients: ApiClient[];
let slots: string[];
const started: TestApi[] = [];

async function processOnSameDb() {
  const api = await startTestApi({ SMTP_URL: mail.smtpUrl, JWT_SECRET }, undefined, { dbName: setup.dbName });
  started.push(api);
  return api;
}

/** The same signed-in patient, talking to another API process. */
const asClient = (c: ApiClient, api: TestApi) => Object.assign(new ApiClient(api.baseUrl), { accessToken: c.accessToken });

beforeAll(async () => {
  setup = await startTestApi({ JWT_SECRET });
  const admin = (await signedInAdmin(setup)).c;
  const doctor = await approvedDoctor(setup, admin, 'Dr Outbox', { timeZone: 'Europe/London' });
  doctorId = doctor.id;
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  expect(
    (await doctor.c.put('/api/v1/doctors/me/availability', { timeZone: 'Europe/London', slotMinutes: 30, weekly })).status,
  ).toBe(200);
  patients = await Promise.all([1, 2, 3, 4].map((i) => signedIn(setup, 'patient', `Outbox Patient ${i}`).then((p) => p.c)));
  const date = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
  const res = await patients[0]!.get(`/api/v1/doctors/${doctorId}/slots?from=${date}&to=${date}&tz=Europe/London`);
  slots = res.body.days[0].slots.map((s: { start: string }) => s.start);
  // From here on only the processes under test deliver (to a mail server the test controls).
  await setup.container.outbox.drain();
  await setup.container.outbox.stop();
  mail = await ownMailpit();
});
afterAll(async () => {
  for (const api of started) await api.stop();
  await setup?.stop();
  await mail?.stop();
});

const pending = () => setup.db.collection('outbox').find().toArray();

describe('the outbox', () => {
  it('answers every request while mail is down, then delivers each e-mail exactly once across processes and a restart', async () => {
    const [a, b] = [await processOnSameDb(), await processOnSameDb()];
    // Mail server stopped: bookings through both processes still succeed.
    const booked = await Promise.all(
      patients.map((p, i) => asClient(p, i % 2 ? a : b).post('/api/v1/appointments', { doctorId, start: slots[i * 2] })),
    );
    expect(booked.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const cancelled = await asClient(patients[0]!, a).post(`/api/v1/appointments/${booked[0]!.body.appointment.id}/cancel`, {
      reason: 'Plans changed',
    });
    expect(cancelled.status).toBe(200);
    await Promise.all([a.container.outbox.drain(), b.container.outbox.drain()]);
    const waiting = await pending();
    expect(waiting).toHaveLength(5); // one entry per change, each with a mail to each side (and its listing, delivered)
    expect(waiting.flatMap((e) => e['effects']).filter((effect) => effect.type === 'email')).toHaveLength(10);
    expect(waiting.every((e) => e['attempts'] >= 1 && typeof e['lastError'] === 'string')).toBe(true);

    // Process a stops for good; a new process c takes its place; mail comes back.
    await a.stop();
    started.splice(started.indexOf(a), 1);
    const c = await processOnSameDb();
    await mail.start();
    for (const api of [b, c]) api.clock.advance(HOUR);
    await Promise.all([b.container.outbox.drain(), c.container.outbox.drain(), b.container.outbox.drain()]);

    expect(await pending()).toHaveLength(0);
    const messages = await mail.messages();
    expect(messages).toHaveLength(10);
    expect(new Set(messages.map((m) => `${m.to} ${m.subject}`)).size).toBe(10);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(10);
    expect(messages.filter((m) => m.subject.startsWith('Appointment cancelled'))).toHaveLength(2);
  });

  it('drops the effects of a change that was never committed', async () => {
    const api = await processOnSameDb();
    await api.container.outbox.enqueue([{ type: 'email', payload: { to: 'ghost@example.test', subject: 'Never', text: '-' } }], {
      collection: 'appointments_versions',
      id: 'no-such-appointment:1',
      changeId: 'lost-race',
    });
    await api.container.outbox.drain();
    expect(await pending()).toHaveLength(1); // the change may still be committing
    api.clock.advance(5 * 60_000);
    await api.container.outbox.drain();
    expect(await pending()).toHaveLength(0);
    expect((await mail.messages()).some((m) => m.to === 'ghost@example.test')).toBe(false);
  });
});
