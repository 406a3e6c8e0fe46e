import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { MongoServerError } from 'mongodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { kycStatuses } from '@doctime/contracts';
import { PASSWORD, signedIn, signedInAdmin } from '../test-support/accounts.ts';
import { doctorProfile, approvedDoctor } from '../test-support/doctors.ts';
import { ApiClient } from '../test-support/http-client.ts';
import {
  declaredIndexOf,
  unservedQueries,
  type DeclaredIndex,
  type QueryShape,
  type WholeReadAllowList,
} from '../test-support/index-coverage.ts';
import { connect, emitAck } from '../test-support/chat.ts';
import { latestCode } from '../test-support/mailpit.ts';
import { settleSideEffects } from '../test-support/outbox.ts';
import { startTestApi, type TestApi } from '../test-support/test-api.ts';
import { tinyPdf, tinyPng, uploadFile } from '../test-support/uploads.ts';

/**
 * On MongoDB every query must keep an index: this runs the product through
 * its HTTP API (and its background jobs), records every query the API's own
 * Mongo client sends (start-up included), and checks each one against the
 * indexes the app declared (listIndexes after its ensureIndexes ran), by
 * the Equality-Sort-Range rule in test-support/index-coverage.ts. A query no
 * index serves fails the test, listed by collection, filter shape and sort.
 */

/**
 * Collections a query may read whole (empty filter, no sort) without an
 * index. Keep it tiny: each entry says why no request waits on it.
 */
const wholeReads: WholeReadAllowList = {
  users: "once at start-up: the admin list's mirror, and the one-time e-mail key backfill",
  doctors: 'once at start-up: the search and KYC mirror',
  appointments: 'the one-time backfill of appointment lists in a database stored before them',
  audit_log: 'the one-time backfill of the audit lists in a database stored before them',
  availability: "once at start-up: the mirror of every doctor's hours (search with availableOn)",
  ...Object.fromEntries(
    ['messages', 'notifications', 'scheduled_effects'].map((log) => [
      `${log}_uids`,
      'at start-up: the one-time move of uid claims beside their entries, in a database stored before',
    ]),
  ),
};

const queries: QueryShape[] = [];
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, undefined, undefined, (q) => queries.push(q));
});
afterAll(async () => {
  await api?.stop();
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const daysAhead = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

async function ok(response: Promise<{ status: number; text: string; body: any }>, status = 200) {
  const res = await response;
  expect(res.status, res.text).toBe(status);
  return res.body;
}

async function declaredIndexes(collection: string): Promise<DeclaredIndex[]> {
  try {
    return (await api.db.collection(collection).listIndexes().toArray()).map(declaredIndexOf);
  } catch (error) {
    if (error instanceof MongoServerError && error.code === 26) return []; // no such collection: no index
    throw error;
  }
}

async function accountsAndSessions() {
  const patient = await signedIn(api, 'patient', 'Index Patient');
  await ok(patient.c.get('/api/v1/me'));
  await ok(patient.c.post('/api/v1/auth/resend-verification', { email: patient.email }), 202);
  await ok(new ApiClient(api.baseUrl).post('/api/v1/auth/login', { email: patient.email, password: 'wrong password 1' }), 401);
  await ok(patient.c.post('/api/v1/auth/refresh'));

  const forgetful = await signedIn(api, 'patient', 'Forgetful Patient');
  const before = new Date(Date.now() - 1000);
  await ok(new ApiClient(api.baseUrl).post('/api/v1/auth/forgot-password', { email: forgetful.email }), 202);
  const code = await latestCode(forgetful.email, 'reset', before);
  const newPassword = 'a brand new passphrase 7';
  await ok(new ApiClient(api.baseUrl).post('/api/v1/auth/reset-password', { email: forgetful.email, code, newPassword }));
  await ok(forgetful.c.post('/api/v1/auth/login', { email: forgetful.email, password: newPassword }));

  const second = new ApiClient(api.baseUrl);
  await ok(second.post('/api/v1/auth/login', { email: patient.email, password: PASSWORD }));
  await ok(patient.c.post('/api/v1/auth/change-password', { currentPassword: PASSWORD, newPassword }));
  await ok(second.post('/api/v1/auth/refresh'), 401);
  return patient;
}

async function doctorsAndReview(admin: ApiClient) {
  const doctor = await approvedDoctor(api, admin, 'Dr Index Approved', { timeZone: 'Europe/London', gender: 'female' });
  const avatar = await uploadFile(doctor.c, 'avatar', 'image/png', tinyPng);
  await ok(
    doctor.c.put(
      '/api/v1/doctors/me/profile',
      doctorProfile({ timeZone: 'Europe/London', gender: 'female', avatarFileId: avatar }),
    ),
  );
  await ok(doctor.c.get('/api/v1/doctors/me'));
  await ok(doctor.c.get(`/api/v1/files/${avatar}/url`));
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  await ok(
    doctor.c.put('/api/v1/doctors/me/availability', { timeZone: 'Europe/London', slotMinutes: 30, weekly, minNoticeMinutes: 0 }),
  );
  await ok(doctor.c.get('/api/v1/doctors/me/availability'));
  await ok(doctor.c.get('/api/v1/doctors/me/availability/preview?days=7'));

  const rejected = await signedIn(api, 'doctor', 'Dr Index Rejected');
  await ok(rejected.c.put('/api/v1/doctors/me/profile', doctorProfile({ specialtyId: 'cardiology', languages: ['Hindi'] })));
  const documents = {
    identity: await uploadFile(rejected.c, 'kyc-document', 'application/pdf', tinyPdf),
    license: await uploadFile(rejected.c, 'kyc-document', 'application/pdf', tinyPdf),
  };
  await ok(
    rejected.c.put('/api/v1/doctors/me/kyc', {
      registrationNumber: 'REG-IX-1',
      council: 'NMC',
      registrationYear: 2015,
      documents,
    }),
  );
  await ok(admin.get('/api/v1/admin/kyc'));
  await ok(admin.get(`/api/v1/admin/doctors/${rejected.id}/kyc`));
  await ok(admin.get(`/api/v1/files/${documents.identity}/url`));
  await ok(admin.post(`/api/v1/admin/doctors/${rejected.id}/kyc/decision`, { decision: 'reject', reason: 'Unreadable scan' }));
  for (const status of kycStatuses) await ok(admin.get(`/api/v1/admin/kyc?status=${status}&page=2&limit=5`));
  return doctor;
}

async function search(c: ApiClient) {
  const filters = ['', 'q=index', 'specialtyId=general-physician', 'language=english', 'gender=female', 'maxFee=700'];
  filters.push(`availableOn=${daysAhead(3)}&tz=Europe%2FLondon`, filters.slice(1).join('&'));
  for (const filter of filters) {
    for (const sort of ['relevance', 'fee_asc', 'fee_desc', 'experience_desc', 'name_asc']) {
      await ok(c.get(`/api/v1/doctors?${filter}&sort=${sort}&page=2&limit=5`));
    }
  }
  await ok(c.get('/api/v1/specialties'));
}

async function appointments(patient: { c: ApiClient }, doctor: { c: ApiClient; id: string }) {
  const slotsPath = `/api/v1/doctors/${doctor.id}/slots?from=${daysAhead(2)}&to=${daysAhead(4)}&tz=Europe%2FLondon`;
  const slots = (await ok(patient.c.get(slotsPath))).days.flatMap((d: { slots: { start: string }[] }) =>
    d.slots.map((s) => s.start),
  ) as string[];
  const book = async (start: string, key = randomUUID(), status = 201) =>
    (await ok(patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start }, { 'idempotency-key': key }), status))
      .appointment?.id as string;
  const key = randomUUID();
  const [done, missed, cancelled, moved] = [
    await book(slots[0]!, key),
    await book(slots[1]!),
    await book(slots[20]!),
    await book(slots[30]!),
  ];
  expect(await book(slots[0]!, key)).toBe(done); // a retry with the same key
  await book(slots[0]!, randomUUID(), 409); // taken
  await ok(patient.c.get(`/api/v1/appointments/${done}`));
  await ok(patient.c.get(`/api/v1/appointments/${done}/calendar.ics`));
  await ok(patient.c.post(`/api/v1/appointments/${cancelled}/cancel`, { reason: 'Feeling better' }));
  await ok(patient.c.post(`/api/v1/appointments/${moved}/reschedule`, { start: slots[40] }));
  await withoutBusyIndex(() => ok(patient.c.get(slotsPath)));
  const lists = async () => {
    for (const c of [patient.c, doctor.c]) {
      for (const query of ['scope=upcoming', 'scope=past', 'scope=past&status=cancelled', 'scope=upcoming&page=2&limit=1']) {
        await ok(c.get(`/api/v1/appointments?${query}`));
      }
    }
  };
  await lists();
  // Once the claims have settled, the reconciler looks at them (and at the cancelled and moved appointments).
  api.clock.advance(10 * MINUTE);
  await api.container.claimMaintenance.run();
  api.clock.advance(new Date(slots[1]!).getTime() - api.clock.now().getTime() + MINUTE); // both first ones have started
  await ok(doctor.c.post(`/api/v1/appointments/${done}/complete`));
  await ok(doctor.c.post(`/api/v1/appointments/${missed}/no-show`));
  await lists();
}

async function chat(patient: { c: ApiClient }, doctor: { c: ApiClient }) {
  await settleSideEffects(api);
  const conversationId = (await ok(patient.c.get('/api/v1/conversations'))).items[0].id as string;
  const path = `/api/v1/conversations/${conversationId}`;
  const text = (body = 'Hello doctor') => ({ clientId: randomUUID(), kind: 'text', text: body });
  const first = text();
  await ok(patient.c.post(`${path}/messages`, first), 201);
  await ok(patient.c.post(`${path}/messages`, first)); // a retry
  const image = await uploadFile(doctor.c, 'chat-media', 'image/png', tinyPng);
  await ok(doctor.c.post(`${path}/messages`, { clientId: randomUUID(), kind: 'image', fileId: image }), 201);
  await ok(patient.c.get(`/api/v1/files/${image}/url`));
  const socket = await connect(api.baseUrl, patient.c.accessToken);
  try {
    await emitAck(socket, 'message:send', { conversationId, ...text('Over the socket') });
    await emitAck(socket, 'typing', { conversationId, isTyping: true });
    await emitAck(socket, 'conversation:delivered', { conversationId, upToSeq: 3 });
    await emitAck(socket, 'conversation:read', { conversationId, upToSeq: 3 });
  } finally {
    socket.disconnect();
  }
  for (const c of [patient.c, doctor.c]) {
    await ok(c.get('/api/v1/conversations?page=1&limit=5'));
    await ok(c.get(path));
    for (const query of ['', '?before=3&limit=1', '?after=1', '?q=hello']) await ok(c.get(`${path}/messages${query}`));
    await ok(c.post(`${path}/read`, { upToSeq: 3 }));
    const notifications = await ok(c.get('/api/v1/notifications?unreadOnly=true'));
    await ok(c.post('/api/v1/notifications/read', { ids: notifications.items.slice(0, 1).map((n: { id: string }) => n.id) }));
    await ok(c.post('/api/v1/notifications/read', {}));
    await ok(c.get('/api/v1/notifications?page=2&limit=1'));
  }
  // The unread e-mail's check and the reminders: the scheduler's wheel, 11 minutes on.
  await ok(patient.c.post(`${path}/messages`, text('Still there?')), 201);
  await settleSideEffects(api);
  api.clock.advance(11 * MINUTE);
  await api.container.scheduledEffects.run();
  await settleSideEffects(api);
}

/** Listings read the claims themselves while the busy index is not known to be complete. */
async function withoutBusyIndex(run: () => Promise<unknown>) {
  const redis = new Redis(api.config.redisUrl!);
  try {
    await redis.del(`{busy2:${api.dbName}}:complete`);
    await run();
  } finally {
    redis.disconnect();
  }
}

async function adminLists(admin: ApiClient, patient: { id: string; email: string }) {
  await ok(admin.post(`/api/v1/admin/users/${patient.id}/block`, { reason: 'Index coverage check' }));
  await ok(admin.post(`/api/v1/admin/users/${patient.id}/unblock`));
  const q = encodeURIComponent(patient.email);
  for (const query of ['', 'role=doctor', `q=${q}`, `role=patient&q=${q}&page=2&limit=5`])
    await ok(admin.get(`/api/v1/admin/users?${query}`));
  const action = (await ok(admin.get('/api/v1/admin/audit-log'))).items[0].action as string;
  for (const query of [`action=${action}`, `targetId=${patient.id}`, `action=${action}&targetId=${patient.id}&page=2&limit=5`]) {
    await ok(admin.get(`/api/v1/admin/audit-log?${query}`));
  }
}

async function backgroundJobs(patient: { c: ApiClient }, doctor: { c: ApiClient }) {
  await uploadFile(doctor.c, 'avatar', 'image/png', tinyPng); // never attached: the sweeper's
  await settleSideEffects(api);
  api.clock.advance(2 * DAY); // past every grace period: sessions, codes, keys, uploads and claims age out
  const { identity, appointments, files, scheduling, outbox, claimMaintenance } = api.container;
  await Promise.all([
    identity.useCases.purgeExpired(),
    appointments.useCases.purgeIdempotencyKeys(),
    files.useCases.sweepUnattachedUploads(),
    outbox.purgeBefore(new Date(api.clock.now().getTime() - 7 * DAY)),
  ]);
  await claimMaintenance.run(); // a new hour: deletes past claims too
  await scheduling.useCases.rebuildBusyIndex();
  await ok(patient.c.post('/api/v1/auth/logout'), 204);
}

it('every query the API makes is served by a declared index', async () => {
  const admin = (await signedInAdmin(api)).c;
  const patient = await accountsAndSessions();
  const doctor = await doctorsAndReview(admin);
  await search(patient.c);
  await appointments(patient, doctor);
  await chat(patient, doctor);
  await adminLists(admin, patient);
  await backgroundJobs(patient, doctor);
  await api.db.collection('test_probe').findOne({ anything: { $exists: true } }); // this file's own client: not recorded

  const collections = [...new Set(queries.map((q) => q.collection))];
  const indexes = new Map(await Promise.all(collections.map(async (c) => [c, await declaredIndexes(c)] as const)));
  expect(unservedQueries(queries, (c) => indexes.get(c) ?? [], wholeReads)).toEqual([]);
  // The recorder saw the API's queries (start-up, requests, jobs), and none of this file's own.
  expect(collections).toEqual(
    expect.arrayContaining(['users', 'doctors', 'specialties', 'time_claims', 'outbox', 'job_runs', 'messages', 'notifications']),
  );
  expect(collections).not.toContain('test_probe');
});
