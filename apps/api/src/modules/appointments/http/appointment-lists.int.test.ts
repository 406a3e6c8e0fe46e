import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { approvedDoctor } from '../../../test-support/doctors.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { settleSideEffects } from '../../../test-support/outbox.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { LISTS_NAME } from '../infrastructure/appointment-lists.ts';
import { LISTS_MIGRATION } from '../infrastructure/mongo-appointment.repository.ts';

/**
 * The appointment lists are read models (decision 14): these tests check what
 * the races file does not. Pages of a doctor's list across many days add up
 * to the total with nothing twice, and a database stored before the lists
 * (or with the flat lists before their levels) gets them from its one-time
 * backfill when an API process starts on it.
 */

let api: TestApi;
let admin: ApiClient;
let doctor: Awaited<ReturnType<typeof approvedDoctor>>;
let patient: Awaited<ReturnType<typeof signedIn>>;
const booked: string[] = [];

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startTestApi();
  admin = (await signedInAdmin(api)).c;
  doctor = await approvedDoctor(api, admin, 'Dr Lists', { timeZone: 'Europe/London' });
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '11:00' }));
  const rules = await doctor.c.put('/api/v1/doctors/me/availability', { timeZone: 'Europe/London', slotMinutes: 60, weekly });
  expect(rules.status, rules.text).toBe(200);
  patient = await signedIn(api, 'patient', 'List Patient');
  // One appointment on each of 12 days; every third cancelled.
  for (let i = 0; i < 12; i++) {
    const slots = await patient.c.get(`/api/v1/doctors/${doctor.id}/slots?from=${day(i + 2)}&to=${day(i + 2)}&tz=Europe/London`);
    const res = await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start: slots.body.days[0].slots[0].start });
    expect(res.status, res.text).toBe(201);
    booked.push(res.body.appointment.id);
    if (i % 3 === 0)
      expect((await patient.c.post(`/api/v1/appointments/${res.body.appointment.id}/cancel`, { reason: 'Busy' })).status).toBe(
        200,
      );
  }
  await settleSideEffects(api);
});
afterAll(async () => {
  await api?.stop();
});

async function pages(c: ApiClient, scope: string, limit: number) {
  const ids: string[] = [];
  let total = 0;
  for (let page = 1; page <= 20; page++) {
    const res = await c.get(`/api/v1/appointments?scope=${scope}&page=${page}&limit=${limit}`);
    expect(res.status, res.text).toBe(200);
    total = res.body.total;
    ids.push(...res.body.items.map((a: { id: string }) => a.id));
    if (!res.body.items.length) break;
  }
  return { ids, total };
}

it('pages of 5 across a dozen days: upcoming in time order, cancelled ones in past, totals exact', async () => {
  const upcoming = await pages(doctor.c, 'upcoming', 5);
  const kept = booked.filter((_, i) => i % 3 !== 0);
  expect(upcoming).toEqual({ ids: kept, total: 8 });
  const past = await pages(doctor.c, 'past', 5);
  expect(past).toEqual({ ids: booked.filter((_, i) => i % 3 === 0).reverse(), total: 4 });
  const cancelled = await doctor.c.get('/api/v1/appointments?scope=past&status=cancelled&limit=2&page=2');
  expect(cancelled.body.total).toBe(4);
  expect(cancelled.body.items.map((a: { id: string }) => a.id)).toEqual([booked[3], booked[0]]);
  expect((await doctor.c.get('/api/v1/appointments?scope=past&status=completed')).body).toMatchObject({ items: [], total: 0 });
  expect(await pages(patient.c, 'upcoming', 100)).toEqual({ ids: kept, total: 8 });
});

it('a database with lists of an earlier design (or none) is listed again, once, when an API process starts on it', async () => {
  for (const name of ['buckets', 'buckets_changes', 'directories', 'directories_changes'])
    await api.db
      .collection(`${LISTS_NAME}_${name}`)
      .drop()
      .catch(() => undefined);
  await api.db.collection('migrations').deleteOne({ _id: LISTS_MIGRATION as never });
  await api.db.collection('appointment_lists_buckets').insertOne({ _id: 'all|2026-01-01' as never, n: 1 });
  await api.db.collection('appointment_timelines_buckets').insertOne({ _id: 'all|2026-01-01' as never, n: 1 });
  expect((await patient.c.get('/api/v1/appointments?scope=upcoming')).body.total).toBe(0);
  const second = await startTestApi({}, undefined, { dbName: api.dbName });
  try {
    expect(await pages(patient.c, 'upcoming', 100)).toEqual({ ids: booked.filter((_, i) => i % 3 !== 0), total: 8 });
    expect((await pages(admin, 'past', 100)).total).toBe(4);
    expect(await api.db.collection('migrations').findOne({ _id: LISTS_MIGRATION as never })).not.toBeNull();
    const collections = (await api.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(collections.filter((name) => /^appointment_(lists|timelines)/.test(name))).toEqual([]);
  } finally {
    await second.stop();
  }
});
