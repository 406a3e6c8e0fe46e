// `npm run bench:booking`: booking figures against the real stack (FerretDB,
// Redis, Mailpit, SeaweedFS) started here on their own ports, API in-process on
// a real socket. Prints ratios against baselines measured in the same run.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MongoClient } from 'mongodb';
import { loadConfig } from '../apps/api/src/main/config.ts';
import { buildContainer } from '../apps/api/src/main/container.ts';
import { makeLogger } from '../apps/api/src/platform/logger.ts';
import { percentile, pool, startBenchServices } from './lib/bench.ts';

const PASSWORD = 'bench passphrase 4242';
const CONCURRENCY = 20;

const services = await startBenchServices('bench', 'http://localhost:3200', {
  mongo: 27217,
  mailpitWeb: 8225,
  smtp: 1225,
  s3: 4769,
  redis: 6579,
});
const dbName = 'bench';
const config = loadConfig({ ...process.env, ...services.env, NODE_ENV: 'test', MONGODB_DB: dbName, LOG_LEVEL: 'silent' });
const container = await buildContainer(config, makeLogger('silent'));
const server = createServer(container.app);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const mongo = new MongoClient(config.mongo.uri);
await mongo.connect();
const db = mongo.db(dbName);
const { identity, doctors } = container;

async function user(role: 'patient' | 'doctor', name: string) {
  const email = `${role}-${randomUUID().slice(0, 8)}@bench.test`;
  const u = await identity.useCases.register({ role, name, email, password: PASSWORD });
  await db.collection('users').updateOne({ _id: u.id as never }, { $set: { emailVerified: true } });
  const { accessToken } = await identity.useCases.login({ email, password: PASSWORD, clientIp: '127.0.0.1' });
  return { id: u.id, token: accessToken };
}

const call = (token: string, method: string, url: string, body?: unknown) =>
  fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

async function approvedDoctor(name: string) {
  const d = await user('doctor', name);
  await doctors.useCases.updateProfile(d.id, {
    specialtyId: 'general-physician',
    subSpecialties: [],
    qualifications: ['MBBS'],
    experienceYears: 10,
    languages: ['English'],
    consultationFee: { amount: 500, currency: 'INR' },
    bio: 'Benchmark doctor with a busy practice.',
    timeZone: 'Europe/London',
  });
  // KYC straight to approved through the same records the admin flow writes.
  await db.collection('doctors').updateOne({ _id: d.id as never }, { $set: { kyc: { status: 'approved', submission: 1 } } });
  const rules = {
    timeZone: 'Europe/London',
    slotMinutes: 30,
    bufferMinutes: 0,
    minNoticeMinutes: 0,
    maxAdvanceDays: 90,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' })),
    overrides: [],
  };
  const res = await call(d.token, 'PUT', '/api/v1/doctors/me/availability', rules);
  if (!res.ok) throw new Error(`availability: ${await res.text()}`);
  return d;
}

async function freeSlots(doctorId: string, days: number): Promise<string[]> {
  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${base}/api/v1/doctors/${doctorId}/slots?from=${from}&to=${to}&tz=UTC`);
  const body = (await res.json()) as { days: { slots: { start: string }[] }[] };
  return body.days.flatMap((d) => d.slots.map((s) => s.start));
}

try {
  console.log('Preparing: doctors, patients, 300 bookings…');
  const busyDoctor = await approvedDoctor('Dr Busy');
  const patients = await Promise.all(Array.from({ length: 30 }, (_, i) => user('patient', `Patient ${i}`)));
  const slots = await freeSlots(busyDoctor.id, 60);
  // 300 bookings spread over the 60 days, 10 per patient (never overlapping for one patient).
  const picks = slots.filter((_, i) => i % Math.floor(slots.length / 300) === 0).slice(0, 300);
  await pool(
    picks.map((start, i) => ({ start, p: patients[i % patients.length]! })),
    10,
    async ({ start, p }) => {
      const res = await call(p.token, 'POST', '/api/v1/appointments', { doctorId: busyDoctor.id, start });
      if (res.status !== 201) throw new Error(`setup booking failed: ${await res.text()}`);
    },
  );

  // 1. Slot listing: 60 days of rules, 300 booked appointments.
  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const timings: number[] = [];
  for (let i = 0; i < 120; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/v1/doctors/${busyDoctor.id}/slots?from=${from}&to=${to}&tz=Asia/Kolkata`);
    await res.arrayBuffer();
    timings.push(performance.now() - t);
  }
  timings.sort((a, b) => a - b);

  // 2. Booking throughput at 20 concurrent clients vs raw insertOne at 20 concurrent on the same database.
  const throughputDoctor = await approvedDoctor('Dr Throughput');
  const bookers = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => user('patient', `Booker ${i}`)));
  const tSlots = (await freeSlots(throughputDoctor.id, 30)).slice(0, 400);
  let t0 = performance.now();
  let booked = 0;
  await pool(
    tSlots.map((start, i) => ({ start, p: bookers[i % CONCURRENCY]! })),
    CONCURRENCY,
    async ({ start, p }) => {
      const res = await call(p.token, 'POST', '/api/v1/appointments', { doctorId: throughputDoctor.id, start });
      if (res.status === 201) booked++;
    },
  );
  const bookingsPerSec = booked / ((performance.now() - t0) / 1000);
  const raw = db.collection('bench_raw_inserts');
  const docs = Array.from({ length: 2000 }, (_, i) => ({ _id: `raw-${i}`, at: new Date(), n: i }));
  t0 = performance.now();
  await pool(docs, CONCURRENCY, async (doc) => {
    await raw.insertOne(doc as never);
  });
  const insertsPerSec = docs.length / ((performance.now() - t0) / 1000);

  // 3. Double booking under a 200-way race for one slot.
  const raceDoctor = await approvedDoctor('Dr Race');
  const racers = await Promise.all(Array.from({ length: 200 }, (_, i) => user('patient', `Racer ${i}`)));
  const raceSlot = (await freeSlots(raceDoctor.id, 3))[0]!;
  const race = await Promise.all(
    racers.map((p) => call(p.token, 'POST', '/api/v1/appointments', { doctorId: raceDoctor.id, start: raceSlot })),
  );
  const wins = race.filter((r) => r.status === 201).length;
  // Across every booking made in this run: confirmed appointments of one doctor that overlap.
  const all = await db.collection('appointments').find({ status: 'confirmed' }).sort({ doctorId: 1, start: 1 }).toArray();
  let overlaps = 0;
  for (let i = 1; i < all.length; i++) {
    const [a, b] = [all[i - 1]!, all[i]!];
    if (a['doctorId'] === b['doctorId'] && (b['start'] as Date) < (a['end'] as Date)) overlaps++;
  }
  const doubleBookings = Math.max(0, wins - 1) + overlaps;

  console.log('\nDocTime booking benchmark (FerretDB/SQLite, 2 cores, same run)');
  console.log(
    `  slot listing, 60 days of rules, 300 booked: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms (${timings.length} requests, ${slots.length} slots before booking)`,
  );
  console.log(
    `  booking throughput, ${CONCURRENCY} concurrent clients: ${bookingsPerSec.toFixed(1)} bookings/s (${booked} booked)`,
  );
  console.log(`  raw driver insertOne, ${CONCURRENCY} concurrent:        ${insertsPerSec.toFixed(1)} inserts/s`);
  console.log(
    `  ratio booking / raw insert: ${(bookingsPerSec / insertsPerSec).toFixed(3)}  (each booking inserts 12 claim documents, an outbox entry, a version key and the appointment, plus reads)`,
  );
  console.log(
    `  200-way race for one slot: ${wins} booked, ${race.filter((r) => r.status === 409).length} refused; double bookings: ${doubleBookings}`,
  );
  if (doubleBookings !== 0) process.exitCode = 1;
} finally {
  server.closeAllConnections();
  server.close();
  await mongo.close();
  await container.close();
  await services.stop();
}
