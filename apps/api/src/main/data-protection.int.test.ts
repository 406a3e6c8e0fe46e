import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newDataKeysJson } from '../platform/security/data-keyring.ts';
import { signedIn, signedInAdmin } from '../test-support/accounts.ts';
import { approvedDoctor, doctorProfile } from '../test-support/doctors.ts';
import { ApiClient } from '../test-support/http-client.ts';
import { settleSideEffects } from '../test-support/outbox.ts';
import { plaintextIn } from '../test-support/raw-scan.ts';
import { startTestApi, type TestApi } from '../test-support/test-api.ts';
import { tinyPdf, uploadFile } from '../test-support/uploads.ts';
import { rotateDataKeys } from './key-rotation.ts';

/**
 * Health and identity fields are sealed at the repositories' edge (decision
 * 0017): a raw read of the database shows none of them, the API still answers
 * them to those allowed, and rotating the data key under live traffic loses
 * nothing and leaves the old key unused.
 */

const k1 = JSON.parse(newDataKeysJson('k1'));
const k2 = JSON.parse(newDataKeysJson('k2'));
/** The keyring before the rotation, during it (k2 current, k1 still there) and after it (k1 gone). */
const before = JSON.stringify(k1);
const during = JSON.stringify({ current: 'k2', keys: { ...k1.keys, ...k2.keys }, blindIndexKey: k1.blindIndexKey });
const after = JSON.stringify({ current: 'k2', keys: k2.keys, blindIndexKey: k1.blindIndexKey });

/** Every process of this test signs and accepts the same access tokens. */
const JWT_SECRET = randomUUID() + randomUUID();
let api: TestApi;
let admin: ApiClient;
let doctor: Awaited<ReturnType<typeof approvedDoctor>>;
let patient: Awaited<ReturnType<typeof signedIn>>;
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const secret = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  api = await startTestApi({ DATA_KEYS: before, JWT_SECRET });
  admin = (await signedInAdmin(api)).c;
  doctor = await approvedDoctor(api, admin, 'Dr Sealed', { timeZone: 'UTC' });
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
  expect((await doctor.c.put('/api/v1/doctors/me/availability', { timeZone: 'UTC', slotMinutes: 15, weekly })).status).toBe(200);
  patient = await signedIn(api, 'patient', 'Sealed Patient');
});
afterAll(async () => {
  await api?.stop();
});

/** The same signed-in caller, talking to another process. */
const on = (other: TestApi, c: ApiClient) => Object.assign(new ApiClient(other.baseUrl), { accessToken: c.accessToken });

/** A doctor who submitted KYC with this registration number (pending review). */
async function submittedDoctor(name: string, registrationNumber: string) {
  const d = await signedIn(api, 'doctor', name);
  expect((await d.c.put('/api/v1/doctors/me/profile', doctorProfile())).status).toBe(200);
  const identity = await uploadFile(d.c, 'kyc-document', 'application/pdf', tinyPdf);
  const license = await uploadFile(d.c, 'kyc-document', 'application/pdf', tinyPdf);
  const res = await d.c.put('/api/v1/doctors/me/kyc', {
    registrationNumber,
    council: 'Karnataka Medical Council',
    registrationYear: 2012,
    documents: { identity, license },
  });
  expect(res.status, res.text).toBe(200);
  return d;
}

/** Books the n-th free slot of a day with `reason`; the appointment id. */
async function book(c: ApiClient, through: TestApi, n: number, reason: string) {
  const client = on(through, c);
  const slots = await client.get(`/api/v1/doctors/${doctor.id}/slots?from=${day(3)}&to=${day(3)}&tz=UTC`);
  const res = await client.post('/api/v1/appointments', {
    doctorId: doctor.id,
    start: slots.body.days[0].slots[n].start,
    reason,
  });
  expect(res.status, res.text).toBe(201);
  return res.body.appointment.id as string;
}

it('the database holds no reason, cancellation note, patient name or registration number in plaintext; the API answers them', async () => {
  const reason = secret('Crushing chest pain');
  const note = secret('Feeling dizzy');
  const kept = await book(patient.c, api, 0, reason);
  const cancelled = await book(patient.c, api, 1, secret('Rash'));
  expect((await patient.c.post(`/api/v1/appointments/${cancelled}/cancel`, { reason: note })).status).toBe(200);
  const registration = `MH-${randomUUID().slice(0, 8)}`;
  const submitted = await submittedDoctor('Dr Registered', registration);
  await settleSideEffects(api);

  expect(await plaintextIn(api.db, [reason, note, registration])).toEqual([]);
  // The name is the account's (users), not the appointment's: who saw which doctor is sealed.
  expect((await plaintextIn(api.db, ['Sealed Patient'])).filter((f) => !f.collection.startsWith('users'))).toEqual([]);

  expect((await patient.c.get(`/api/v1/appointments/${kept}`)).body.appointment.reason).toBe(reason);
  const doctorsList = await doctor.c.get('/api/v1/appointments?scope=upcoming');
  expect(doctorsList.body.items.find((a: { id: string }) => a.id === kept)).toMatchObject({
    reason,
    patient: { name: 'Sealed Patient' },
  });
  // The admin's overview shows no health data; opening the appointment does (and is audited).
  const overview = (await admin.get('/api/v1/appointments?scope=upcoming&limit=100')).body.items;
  expect(overview.find((a: { id: string }) => a.id === kept)).not.toHaveProperty('reason');
  const past = await patient.c.get('/api/v1/appointments?scope=past&status=cancelled');
  expect(past.body.items[0].history.at(-1)).toMatchObject({ to: 'cancelled', reason: note });
  expect((await admin.get(`/api/v1/admin/doctors/${submitted.id}/kyc`)).body.doctor.kyc.registrationNumber).toBe(registration);
  expect((await submitted.c.get('/api/v1/doctors/me')).body.doctor.kyc.registrationNumber).toBe(registration);
});

it('a registration number submitted twice is found by its blind index: the review names the other doctor', async () => {
  const number = `KA ${randomUUID().slice(0, 6)}`;
  const first = await submittedDoctor('Dr First Number', number);
  const second = await submittedDoctor('Dr Second Number', number.toLowerCase().replace(' ', '-')); // the same, written differently
  const review = await admin.get(`/api/v1/admin/doctors/${second.id}/kyc`);
  expect(review.body.sameRegistration).toEqual([{ doctorId: first.id, name: 'Dr First Number', status: 'pending' }]);
  expect((await admin.get(`/api/v1/admin/doctors/${doctor.id}/kyc`)).body.sameRegistration).toEqual([]);
  expect(await plaintextIn(api.db, [number])).toEqual([]);
});

it('a key rotation under live bookings and cancellations seals everything under the new key and loses nothing', async () => {
  const reasons = new Map<string, string>();
  for (let i = 0; i < 6; i++) {
    const reason = secret('Before rotation');
    reasons.set(await book(patient.c, api, 10 + i, reason), reason);
  }
  // A conversation with more than a block of messages (so block copies are sealed too).
  const appointmentId = [...reasons.keys()][0]!;
  const conversationId = (await patient.c.post('/api/v1/conversations', { appointmentId })).body.conversation.id as string;
  const texts: string[] = [];
  const say = async (through: TestApi) => {
    const text = secret('Chat');
    const res = await on(through, patient.c).post(`/api/v1/conversations/${conversationId}/messages`, {
      clientId: randomUUID(),
      kind: 'text',
      text,
    });
    expect(res.status, res.text).toBe(201);
    texts.push(text);
  };
  for (let i = 0; i < 55; i++) await say(api);
  // The rolling restart: a process with the new keyring; both serve while the rotation runs.
  const rotating = await startTestApi({ DATA_KEYS: during, JWT_SECRET }, undefined, { dbName: api.dbName });
  try {
    const traffic = (async () => {
      for (let i = 0; i < 6; i++) {
        const reason = secret('During rotation');
        const id = await book(patient.c, rotating, 20 + i, reason);
        reasons.set(id, reason);
        await say(rotating);
        if (i % 2) {
          const cancel = await on(rotating, patient.c).post(`/api/v1/appointments/${id}/cancel`, { reason: 'Changed plans' });
          expect(cancel.status).toBe(200);
        }
      }
    })();
    const lines: string[] = [];
    const keyring = { current: 'k2', keyIds: ['k1', 'k2'] };
    await Promise.all([traffic, rotateDataKeys(rotating.container.protectedStores, keyring, (l) => lines.push(l))]);
    await settleSideEffects(rotating);
    expect(lines.join('\n')).toMatch(/appointments_versions: \d+ scanned, \d+ sealed again/);
    expect(lines.join('\n')).toMatch(/messages_blocks: 1 scanned, 1 sealed again/);
    expect(await plaintextIn(api.db, texts)).toEqual([]);
    const final = await rotateDataKeys(rotating.container.protectedStores, keyring, (l) => lines.push(l), { checkOnly: true });
    expect(final.use['k1'] ?? 0).toBe(0);
    expect(final.use['plaintext'] ?? 0).toBe(0);
    expect(final.unused).toEqual(['k1']);
    expect(lines.join('\n')).toMatch(/Nothing uses k1 any more/);

    // A process that no longer holds k1 reads everything.
    const without = await startTestApi({ DATA_KEYS: after, JWT_SECRET }, undefined, { dbName: api.dbName });
    try {
      const reader = on(without, patient.c);
      for (const [id, reason] of reasons)
        expect((await reader.get(`/api/v1/appointments/${id}`)).body.appointment.reason).toBe(reason);
      const upcoming = await reader.get('/api/v1/appointments?scope=upcoming&limit=100');
      expect(upcoming.status).toBe(200);
      expect(upcoming.body.total).toBe(1 + 6 + 3);
      const chat = await reader.get(`/api/v1/conversations/${conversationId}/messages?limit=100`);
      expect(chat.body.items.map((m: { text: string }) => m.text)).toEqual(texts);
    } finally {
      await without.stop();
    }
  } finally {
    await rotating.stop();
  }
});
