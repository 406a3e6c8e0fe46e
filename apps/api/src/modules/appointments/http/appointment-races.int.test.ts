import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { approvedDoctor } from '../../../test-support/doctors.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { settleSideEffects } from '../../../test-support/outbox.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { makeFieldCipher } from '../../../platform/security/field-cipher.ts';
import { protectFields } from '../../../platform/security/protected-fields.ts';
import { PROTECTED_FIELDS } from '../infrastructure/mongo-appointment.repository.ts';

/**
 * Every operation that changes an appointment, raced against every other one
 * on the same appointment, many rounds each. After each round: the appointment
 * holds exactly its cells and nothing else holds any of the doctor's time; each
 * acknowledged change is in the history exactly once; a confirmed time cannot
 * be booked by anyone else, and every time given up can be. After each test,
 * every list (the patient's, the other patient's, the doctor's, the admin's)
 * shows each stored appointment exactly once, at its stored time and status.
 */
vi.setConfig({ testTimeout: 180_000 });

let api: TestApi;
let admin: ApiClient;
let doctor: Awaited<ReturnType<typeof approvedDoctor>>;
let patient: Awaited<ReturnType<typeof signedIn>>;
let other: Awaited<ReturnType<typeof signedIn>>;
let pool: string[];

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startTestApi();
  admin = (await signedInAdmin(api)).c;
  doctor = await approvedDoctor(api, admin, 'Dr Race', { timeZone: 'Europe/London' });
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
  const rules = await doctor.c.put('/api/v1/doctors/me/availability', {
    timeZone: 'Europe/London',
    slotMinutes: 30,
    bufferMinutes: 5,
    weekly,
    maxAdvanceDays: 90,
  });
  expect(rules.status, rules.text).toBe(200);
  [patient, other] = await Promise.all([signedIn(api, 'patient', 'Race Patient'), signedIn(api, 'patient', 'Other Patient')]);
  const days = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      patient.c.get(`/api/v1/doctors/${doctor.id}/slots?from=${day(i + 2)}&to=${day(i + 2)}&tz=Europe/London`),
    ),
  );
  // Every other slot, so that neighbouring times never share a buffer cell.
  pool = days.flatMap((d) => d.body.days[0].slots.map((s: { start: string }) => s.start)).filter((_, i) => i % 2 === 0);
  expect(pool.length).toBeGreaterThan(250);
});
afterAll(async () => {
  await api?.stop();
});

let next = 0;
const take = (n: number) => pool.slice(next, (next += n));

async function book(start: string, c = patient.c) {
  const res = await c.post('/api/v1/appointments', { doctorId: doctor.id, start });
  expect(res.status, res.text).toBe(201);
  return res.body.appointment.id as string;
}

interface Stored {
  _id: string;
  status: string;
  start: Date;
  version: number;
  claimIds: string[];
  history: { to: string; reason?: string }[];
}

/** The stored appointment, checked to be the newest version. */
async function stored(id: string): Promise<Stored> {
  const doc = (await api.db.collection('appointments').findOne({ _id: id as never })) as unknown as Stored;
  expect(await api.db.collection('appointments_versions').findOne({ _id: `${id}:${doc.version + 1}` as never })).toBeNull();
  return protectFields(makeFieldCipher(api.config.dataKeys), 'appointments', PROTECTED_FIELDS).open(doc, id);
}

/** Claims held for this doctor and these patients are exactly those of appointments that are not cancelled. */
async function expectClaimsExact() {
  const appointments = (await api.db.collection('appointments').find({ doctorId: doctor.id }).toArray()) as unknown as Stored[];
  const expected = appointments
    .filter((a) => a.status !== 'cancelled')
    .flatMap((a) => a.claimIds.map((c) => `${a._id} ${c}`))
    .sort();
  const owners = [doctor.id, `patient:${patient.id}`, `patient:${other.id}`];
  const claims = await api.db
    .collection('time_claims')
    .find({ ownerId: { $in: owners } })
    .toArray();
  expect(claims.map((c) => `${c['holdId']} ${c._id}`).sort()).toEqual(expected);
}

/** Upcoming plus past, every page: each appointment once, as stored. */
async function listed(c: ApiClient) {
  const seen: string[] = [];
  for (const scope of ['upcoming', 'past']) {
    for (let page = 1; ; page++) {
      const res = await c.get(`/api/v1/appointments?scope=${scope}&page=${page}&limit=100`);
      expect(res.status, res.text).toBe(200);
      seen.push(...res.body.items.map((a: { id: string; status: string; start: string }) => `${a.id} ${a.status} ${a.start}`));
      if (page * 100 >= res.body.total) break;
    }
  }
  return seen.sort();
}
async function expectListsExact() {
  await settleSideEffects(api);
  const all = (await api.db.collection('appointments').find({ doctorId: doctor.id }).toArray()) as unknown as (Stored & {
    patientId: string;
  })[];
  const view = (list: typeof all) => list.map((a) => `${a._id} ${a.status} ${a.start.toISOString()}`).sort();
  expect(await listed(patient.c)).toEqual(view(all.filter((a) => a.patientId === patient.id)));
  expect(await listed(other.c)).toEqual(view(all.filter((a) => a.patientId === other.id)));
  expect(await listed(doctor.c)).toEqual(view(all));
  expect(await listed(admin)).toEqual(view(all));
}
afterEach(expectListsExact);

const statusOf = (results: { status: number }[]) => results.map((r) => r.status);

describe('cancel x reschedule', () => {
  it('never leaves a confirmed appointment without its time, nor a time held twice (15 rounds)', async () => {
    for (let round = 0; round < 15; round++) {
      const [from, to] = take(2);
      const id = await book(from!);
      const [cancelled, moved] = await Promise.all([
        patient.c.post(`/api/v1/appointments/${id}/cancel`, { reason: 'Race' }),
        patient.c.post(`/api/v1/appointments/${id}/reschedule`, { start: to }),
      ]);
      expect([200, 409]).toContain(cancelled.status);
      expect([200, 409]).toContain(moved.status);
      const a = await stored(id);
      expect(a.history.filter((h) => h.to === 'cancelled')).toHaveLength(cancelled.status === 200 ? 1 : 0);
      expect(a.history.filter((h) => h.reason?.startsWith('Moved'))).toHaveLength(moved.status === 200 ? 1 : 0);
      expect(a.status).toBe(cancelled.status === 200 ? 'cancelled' : 'confirmed');
      await expectClaimsExact();
      // The other patient can take every time the appointment does not hold, and only those.
      const final = a.status === 'confirmed' ? a.start.toISOString() : null;
      for (const start of [from!, to!]) {
        const res = await other.c.post('/api/v1/appointments', { doctorId: doctor.id, start });
        expect(res.status, `${round}: ${statusOf([cancelled, moved])} ${start}`).toBe(start === final ? 409 : 201);
      }
      await expectClaimsExact();
    }
  });
});

describe('reschedule x reschedule', () => {
  it('two at once: one move per 200, exactly the final time held, every other time free (10 rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const [from, a, b] = take(3);
      const id = await book(from!);
      const results = await Promise.all(
        [a, b].map((start) => patient.c.post(`/api/v1/appointments/${id}/reschedule`, { start })),
      );
      const ok = results.filter((r) => r.status === 200);
      expect(ok.length).toBeGreaterThanOrEqual(1);
      const appt = await stored(id);
      expect(appt.history.filter((h) => h.reason?.startsWith('Moved'))).toHaveLength(ok.length);
      expect(appt.version).toBe(1 + ok.length);
      expect(ok.map((r) => r.body.appointment.start)).toContain(appt.start.toISOString());
      await expectClaimsExact();
      for (const start of [from!, a!, b!]) {
        const res = await other.c.post('/api/v1/appointments', { doctorId: doctor.id, start });
        expect(res.status, `round ${round}`).toBe(start === appt.start.toISOString() ? 409 : 201);
      }
    }
  });

  it('ten at once, including overlapping targets (3 rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const [from, ...targets] = take(6);
      const id = await book(from!);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          patient.c.post(`/api/v1/appointments/${id}/reschedule`, { start: targets[i % targets.length] }),
        ),
      );
      expect(statusOf(results).every((s) => s === 200 || s === 409)).toBe(true);
      const appt = await stored(id);
      expect(appt.history.filter((h) => h.reason?.startsWith('Moved'))).toHaveLength(
        results.filter((r) => r.status === 200).length,
      );
      await expectClaimsExact();
      for (const start of [from!, ...targets]) {
        const res = await other.c.post('/api/v1/appointments', { doctorId: doctor.id, start });
        expect(res.status).toBe(start === appt.start.toISOString() ? 409 : 201);
      }
    }
  });

  it('a reschedule racing another patient booking the same time: one of them gets it (10 rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const [from, to] = take(2);
      const id = await book(from!);
      const [moved, booked] = await Promise.all([
        patient.c.post(`/api/v1/appointments/${id}/reschedule`, { start: to }),
        other.c.post('/api/v1/appointments', { doctorId: doctor.id, start: to }),
      ]);
      expect([moved.status === 200, booked.status === 201].filter(Boolean)).toHaveLength(1);
      await expectClaimsExact();
    }
  });
});

describe('cancel x cancel, cancel x complete, complete x no-show', () => {
  it('patient and doctor cancelling at once: one 200, one history entry, time free (10 rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const [start] = take(1);
      const id = await book(start!);
      const results = await Promise.all([
        patient.c.post(`/api/v1/appointments/${id}/cancel`, { reason: 'Patient' }),
        doctor.c.post(`/api/v1/appointments/${id}/cancel`, { reason: 'Doctor' }),
      ]);
      expect(statusOf(results).sort()).toEqual([200, 409]);
      const a = await stored(id);
      expect(a.history.filter((h) => h.to === 'cancelled')).toHaveLength(1);
      await expectClaimsExact();
      expect((await other.c.post('/api/v1/appointments', { doctorId: doctor.id, start })).status).toBe(201);
    }
  });

  it('an admin cancelling while the doctor completes or marks a no-show: exactly one wins (6 rounds)', async () => {
    const ids: string[] = [];
    for (let round = 0; round < 6; round++) ids.push(await book(take(1)[0]!));
    // Move the clock past every start, so the doctor may close them.
    api.clock.advance(25 * 86_400_000);
    try {
      for (const [i, id] of ids.entries()) {
        const outcome = i % 2 ? 'complete' : 'no-show';
        const results = await Promise.all([
          admin.post(`/api/v1/appointments/${id}/cancel`, { reason: 'Dispute' }),
          doctor.c.post(`/api/v1/appointments/${id}/${outcome}`),
          doctor.c.post(`/api/v1/appointments/${id}/${outcome === 'complete' ? 'no-show' : 'complete'}`),
        ]);
        expect(statusOf(results).filter((s) => s === 200)).toHaveLength(1);
        const a = await stored(id);
        expect(a.history).toHaveLength(2);
        expect(a.version).toBe(2);
      }
    } finally {
      api.clock.offsetMs = 0;
    }
    await expectClaimsExact();
  });
});

describe('recovery', () => {
  it('the reconciler frees the cells of a change that never finished, and fences it so it cannot land later', async () => {
    const [from, to] = take(2);
    const id = await book(from!);
    const before = await stored(id);
    // A reschedule that claimed its new time and then stalled before storing the move.
    const claim = await api.container.scheduling.useCases.claimTime({
      doctorId: doctor.id,
      patientId: patient.id,
      start: new Date(to!),
      holdId: id,
      keep: before.claimIds,
    });
    api.clock.advance(10 * 60_000);
    try {
      expect(await api.container.appointments.useCases.reconcileClaims()).toBe(claim.inserted.length);
    } finally {
      api.clock.offsetMs = 0;
    }
    await expectClaimsExact();
    expect((await stored(id)).version).toBe(2);
    // The stalled change, resuming from the version it read, can no longer be stored.
    const appointments = api.db.collection('appointments_versions');
    expect(await appointments.findOne({ _id: `${id}:2` as never })).not.toBeNull();
    expect((await other.c.post('/api/v1/appointments', { doctorId: doctor.id, start: to })).status).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  it('ten concurrent requests with one key make one appointment; every 201 names it', async () => {
    const [start] = take(1);
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start }, { 'idempotency-key': key }),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.appointment.id)).size).toBe(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(await api.db.collection('appointments').countDocuments({ start: new Date(start!) })).toBe(1);
    await expectClaimsExact();
  });

  it('a retry after a crash finds the appointment the first attempt made, once the short lease ends', async () => {
    const [start] = take(1);
    const key = randomUUID();
    const first = await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    // The first attempt stored its appointment but died before recording the outcome.
    await api.db.collection('idempotency_outcomes').deleteOne({ _id: `${patient.id}:${key}` as never });
    const early = await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start }, { 'idempotency-key': key });
    expect(early.status).toBe(409);
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
    api.clock.advance(20_000);
    try {
      const retry = await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start }, { 'idempotency-key': key });
      expect(retry.status, retry.text).toBe(201);
      expect(retry.body.appointment.id).toBe(first.body.appointment.id);
    } finally {
      api.clock.offsetMs = 0;
    }
    expect(await api.db.collection('appointments').countDocuments({ start: new Date(start!) })).toBe(1);
  });

  it('a retry after a crash between claiming and storing finishes the booking with the same cells', async () => {
    const [start] = take(1);
    const key = randomUUID();
    // The first attempt's claims, under the id a retry derives from the key; then it died.
    const firstId = api.container.deriveId(`${patient.id}:${key}:1`);
    await api.container.scheduling.useCases.claimTime({
      doctorId: doctor.id,
      patientId: patient.id,
      start: new Date(start!),
      holdId: firstId,
    });
    await api.db.collection('idempotency_keys').insertOne({
      _id: `${patient.id}:${key}` as never,
      fingerprint: api.container.deriveId(JSON.stringify([doctor.id, new Date(start!).toISOString(), '', ''])),
      createdAt: new Date(Date.now() - 60_000),
    });
    const retry = await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start }, { 'idempotency-key': key });
    expect(retry.status, retry.text).toBe(201);
    expect(retry.body.appointment.id).toBe(firstId);
    await expectClaimsExact();
  });
});
