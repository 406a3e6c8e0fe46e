import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signedIn, signedInAdmin } from '../test-support/accounts.ts';
import { approvedDoctor } from '../test-support/doctors.ts';
import { ApiClient } from '../test-support/http-client.ts';
import { startRedis, type RedisProcess } from '../test-support/redis-process.ts';
import { startTestApi, type TestApi } from '../test-support/test-api.ts';

/**
 * The API with a Redis of the test's own, killed, paused and restarted empty.
 * Redis is only a cache here: bookings and logins go on (rate limits count in
 * memory), a booking leaves no claim behind but its appointment's, listings
 * never offer a booked time (they read the claims while the busy index is not
 * known to be complete, and the index is rebuilt within seconds of Redis
 * coming back), and `/readyz` says at once which dependency is down.
 */

let redis: RedisProcess;
let api: TestApi;
let doctor: Awaited<ReturnType<typeof approvedDoctor>>;
let patient: Awaited<ReturnType<typeof signedIn>>;
let other: Awaited<ReturnType<typeof signedIn>>;
let slots: string[];
const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  redis = await startRedis();
  api = await startTestApi({ REDIS_URL: redis.url });
  const admin = (await signedInAdmin(api)).c;
  doctor = await approvedDoctor(api, admin, 'Dr Cache', { timeZone: 'Europe/London' });
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
  const rules = { timeZone: 'Europe/London', slotMinutes: 30, bufferMinutes: 0, weekly };
  expect((await doctor.c.put('/api/v1/doctors/me/availability', rules)).status).toBe(200);
  [patient, other] = await Promise.all([signedIn(api, 'patient'), signedIn(api, 'patient')]);
  slots = await listing();
  expect(slots.length).toBe(20);
});
afterAll(async () => {
  await api?.stop();
  await redis?.stop();
});

async function listing() {
  const res = await patient.c.get(`/api/v1/doctors/${doctor.id}/slots?from=${date}&to=${date}&tz=Europe/London`);
  expect(res.status, res.text).toBe(200);
  return (res.body.days[0]?.slots ?? []).map((s: { start: string }) => s.start) as string[];
}

async function book(c: ApiClient, start: string) {
  return c.post('/api/v1/appointments', { doctorId: doctor.id, start });
}

/** The doctor's claims are exactly those of the confirmed appointments: nothing left behind. */
async function expectOnlyAppointmentClaims() {
  const appointments = await api.db.collection('appointments').find({ doctorId: doctor.id, status: 'confirmed' }).toArray();
  const held = appointments.flatMap((a) => a['claimIds'] as string[]).sort();
  const claims = await api.db
    .collection('time_claims')
    .find({ ownerId: { $in: [doctor.id, `patient:${patient.id}`, `patient:${other.id}`] } })
    .toArray();
  expect(claims.map((c) => c._id as unknown as string).sort()).toEqual(held);
  return appointments.map((a) => (a['start'] as Date).toISOString());
}

async function readiness() {
  const started = Date.now();
  const res = await new ApiClient(api.baseUrl).get('/readyz');
  return { status: res.status, body: res.body, ms: Date.now() - started };
}

async function login() {
  const c = new ApiClient(api.baseUrl);
  return (await c.post('/api/v1/auth/login', { email: other.email, password: PASSWORD })).status;
}

const eventually = async (check: () => Promise<boolean>, ms: number) => {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (await check()) return true;
  }
  return check();
};

/** The index is complete again: the marker only a finished rebuild writes is back. */
async function indexComplete() {
  const probe = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await probe.connect();
    return (await probe.exists(`{busy2:${api.dbName}}:complete`)) === 1;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

describe('Redis down', () => {
  it('is named by /readyz at once, and bookings, logins and listings go on correctly', async () => {
    expect(await readiness()).toMatchObject({ status: 200, body: { status: 'ready', checks: { mongo: 'ok', redis: 'ok' } } });
    expect((await book(patient.c, slots[0]!)).status).toBe(201);
    await redis.kill();

    const ready = await readiness();
    expect(ready).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { mongo: 'ok', redis: 'down' } } });
    expect(ready.ms).toBeLessThan(1_500);
    expect(await login()).toBe(200);
    // Limits still hold, counted in this process's memory: guesses beyond the free ones are refused.
    const free = api.config.rateLimits.loginThrottle.freeAttempts;
    const guesses: number[] = [];
    for (let i = 0; i < free + 2; i++) {
      const c = new ApiClient(api.baseUrl);
      guesses.push((await c.post('/api/v1/auth/login', { email: patient.email, password: 'not the password 1' })).status);
    }
    expect(guesses.slice(0, free)).toEqual(Array(free).fill(401));
    expect(guesses.slice(free)).toContain(429);
    expect((await book(patient.c, slots[1]!)).status).toBe(201);
    // The same time again: a clear 409, and the loser's claims are gone with it.
    expect((await book(other.c, slots[1]!)).status).toBe(409);
    expect(await expectOnlyAppointmentClaims()).toEqual(expect.arrayContaining([slots[0], slots[1]]));
    expect(await listing()).toEqual(slots.slice(2));
  });

  it('after a restart that lost every key, listings are right at once and the index is rebuilt within seconds', async () => {
    await redis.restart();
    expect(await listing()).toEqual(slots.slice(2));
    expect(await eventually(indexComplete, 5_000)).toBe(true);
    expect(await listing()).toEqual(slots.slice(2));
    expect(await eventually(async () => (await readiness()).status === 200, 5_000)).toBe(true);
    // The rebuilt index follows new bookings and cancels again.
    const booked = await book(other.c, slots[2]!);
    expect(booked.status).toBe(201);
    expect(await listing()).toEqual(slots.slice(3));
    const cancelled = await other.c.post(`/api/v1/appointments/${booked.body.appointment.id}/cancel`, {
      reason: 'Changed plans',
    });
    expect(cancelled.status).toBe(200);
    expect(await listing()).toEqual(slots.slice(2));
    expect(await indexComplete()).toBe(true);
  });
});

describe('Redis paused (connections open, no answers)', () => {
  it('bookings and logins answer within seconds, and an update missed meanwhile sends listings to the claims until a rebuild', async () => {
    redis.pause();
    try {
      const started = Date.now();
      const [booked, loggedIn, ready] = await Promise.all([book(patient.c, slots[3]!), login(), readiness()]);
      expect(booked.status).toBe(201);
      expect(loggedIn).toBe(200);
      expect(ready).toMatchObject({ status: 503, body: { checks: { redis: 'down' } } });
      expect(ready.ms).toBeLessThan(1_500);
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(await listing()).toEqual([slots[2], ...slots.slice(4)]);
    } finally {
      redis.resume();
    }
    expect(await listing()).toEqual([slots[2], ...slots.slice(4)]);
    expect(await eventually(indexComplete, 5_000)).toBe(true);
    expect(await listing()).toEqual([slots[2], ...slots.slice(4)]);
    await expectOnlyAppointmentClaims();
  });
});
