// `npm run bench:scale`: what every list and search a user waits on costs at a
// clinic network's size, beside the same request at 1,000 appointments, in one
// run on the real stack (FerretDB, Redis, Mailpit, SeaweedFS started here on
// their own ports; the API in-process on a real socket). Each world is seeded
// through the repositories' imports into its own database before an API
// process starts on it (so its start-up load is measured too).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MongoClient, type Db } from 'mongodb';
import { loadConfig } from '../apps/api/src/main/config.ts';
import { parseDataKeyring } from '../apps/api/src/platform/security/data-keyring.ts';
import { makeFieldCipher } from '../apps/api/src/platform/security/field-cipher.ts';
import { buildContainer } from '../apps/api/src/main/container.ts';
import { makeLogger } from '../apps/api/src/platform/logger.ts';
import { makeOutbox } from '../apps/api/src/platform/outbox/outbox.ts';
import { makeArgon2PasswordHasher } from '../apps/api/src/platform/security/argon2-password-hasher.ts';
import { makeMongoUserRepository } from '../apps/api/src/modules/identity/infrastructure/mongo-user.repository.ts';
import { makeMongoDoctorRepository } from '../apps/api/src/modules/doctors/infrastructure/mongo-doctor.repository.ts';
import {
  LISTS_MIGRATION,
  makeMongoAppointmentRepository,
} from '../apps/api/src/modules/appointments/infrastructure/mongo-appointment.repository.ts';
import { makeMongoAvailabilityRepository } from '../apps/api/src/modules/scheduling/infrastructure/mongo-availability.repository.ts';
import { seedSpecialties } from '../apps/api/src/modules/doctors/domain/specialties.ts';
import type { User } from '../apps/api/src/modules/identity/domain/user.ts';
import type { Doctor } from '../apps/api/src/modules/doctors/domain/doctor.ts';
import type { Appointment } from '../apps/api/src/modules/appointments/domain/appointment.ts';
import { claimCells, claimId } from '../apps/api/src/modules/scheduling/domain/claim-cells.ts';
import { percentile, startBenchServices } from './lib/bench.ts';

interface World {
  name: string;
  doctors: number;
  patients: number;
  appointments: number;
  /** Documents of collections no measured request reads (chat messages, notifications: issue 11's modules). */
  unrelated: Record<string, number>;
}
const SMALL: World = { name: '1k', doctors: 100, patients: 500, appointments: 1_000, unrelated: {} };
const LARGE: World = {
  name: '100k',
  doctors: 10_000,
  patients: 50_000,
  appointments: 100_000,
  unrelated: { messages: 1_000_000, notifications: 200_000 },
};
const SAMPLES = 60;
const PASSWORD = 'bench passphrase 4242';
const DAY = 86_400_000;
const HALF_HOUR = 30 * 60_000;

interface ClaimDoc {
  _id: string;
  ownerId: string;
  cell: Date;
  holdId: string;
  token: string;
  createdAt: Date;
}

const log = (msg: string) => console.log(`[bench:scale] ${msg}`);

/** A small deterministic generator, so both worlds are built the same way every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

const services = await startBenchServices('bench-scale', 'http://localhost:3400', {
  mongo: 27317,
  mailpitWeb: 8325,
  smtp: 1325,
  s3: 4869,
  redis: 6679,
});
const mongo = new MongoClient(services.env.MONGODB_URI);
await mongo.connect();
const silent = makeLogger('silent');
const passwordHash = await makeArgon2PasswordHasher().hash(PASSWORD);

/** Seeds a world through the repositories' imports; returns who the measured requests act as. */
async function seed(db: Db, world: World) {
  const rand = random(world.appointments);
  const outbox = makeOutbox(db, silent);
  const cipher = makeFieldCipher(parseDataKeyring(services.env.DATA_KEYS));
  const now = Date.now();
  const at = new Date(now - 400 * DAY);
  const account = (role: User['role'], i: number): User => ({
    id: randomUUID(),
    version: 1,
    role,
    name: `${role === 'doctor' ? 'Dr ' : ''}${['Asha', 'Ravi', 'Meera', 'John', 'Fatima', 'Li', 'Sara', 'Tomas'][i % 8]} ${role}${i}`,
    email: `${role}${i}@bench.test`,
    passwordHash,
    emailVerified: true,
    blocked: null,
    blockHistory: [],
    createdAt: new Date(at.getTime() + i * 1_000),
    updatedAt: at,
  });
  const admin = account('admin', 0);
  const patients = Array.from({ length: world.patients }, (_, i) => account('patient', i));
  const doctorAccounts = Array.from({ length: world.doctors }, (_, i) => account('doctor', i));

  const users = makeMongoUserRepository(db, outbox);
  await users.ensureIndexes();
  let t = performance.now();
  await users.importMany([admin, ...patients, ...doctorAccounts]);
  users.close();
  log(`${world.name}: ${world.patients + world.doctors + 1} accounts in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const specialties = seedSpecialties.map((s) => s.id);
  const doctors: Doctor[] = doctorAccounts.map((a, i) => {
    // One in ten is still waiting for KYC review: the admin's queue.
    const approved = i % 10 !== 9;
    return {
      id: a.id,
      version: 1,
      name: a.name,
      email: a.email,
      profile: {
        specialtyId: specialties[i % specialties.length]!,
        subSpecialties: [],
        qualifications: ['MBBS', 'MD'],
        experienceYears: 1 + (i % 35),
        languages: i % 3 ? ['English', 'Hindi'] : ['English', 'Malayalam'],
        consultationFee: { amount: 300 + (i % 20) * 50, currency: 'INR' },
        bio: 'Consultant with a practice in the city.',
        timeZone: 'Asia/Kolkata',
        gender: i % 2 ? 'female' : 'male',
      },
      kyc: {
        status: approved ? 'approved' : 'pending',
        submission: 1,
        registrationNumber: `REG-${i}`,
        council: 'State Medical Council',
        registrationYear: 2010,
        submittedAt: new Date(at.getTime() + i * 1_000),
        ...(approved ? { decidedAt: at } : {}),
        history: [],
      },
      blocked: false,
      createdAt: a.createdAt,
      updatedAt: at,
    };
  });
  const doctorRepo = makeMongoDoctorRepository(db, outbox, cipher);
  t = performance.now();
  await doctorRepo.importMany(doctors);
  doctorRepo.close();
  const availability = makeMongoAvailabilityRepository(db, outbox);
  const rules = {
    timeZone: 'Asia/Kolkata',
    slotMinutes: 30,
    bufferMinutes: 0,
    minNoticeMinutes: 60,
    maxAdvanceDays: 90,
    weekly: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    overrides: [],
  };
  await availability.importMany(
    doctors.filter((d) => d.kyc.status === 'approved').map((d) => ({ doctorId: d.id, rules })),
    at,
  );
  availability.close();
  log(`${world.name}: ${world.doctors} doctors with profiles and hours in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // Appointments over the last year and the next two months; the measured doctor is a busy one
  // (one in ten of all appointments up to 1,000) and the measured patient a regular one (40).
  const measuredDoctor = doctors[0]!;
  const measuredPatient = patients[0]!;
  const busyShare = Math.min(0.1, 1_000 / world.appointments);
  const appointments: Appointment[] = Array.from({ length: world.appointments }, (_, i) => {
    const doctor = rand() < busyShare ? measuredDoctor : doctors[Math.floor(rand() * doctors.length)]!;
    const patient = i < 40 ? measuredPatient : patients[Math.floor(rand() * patients.length)]!;
    const start = new Date(Math.floor((now - 365 * DAY + rand() * 425 * DAY) / HALF_HOUR) * HALF_HOUR);
    const past = start.getTime() < now;
    const r = rand();
    const status: Appointment['status'] = past
      ? r < 0.8
        ? 'completed'
        : r < 0.9
          ? 'cancelled'
          : 'no_show'
      : r < 0.85
        ? 'confirmed'
        : 'cancelled';
    const booked = new Date(start.getTime() - 7 * DAY);
    return {
      id: randomUUID(),
      doctorId: doctor.id,
      patientId: patient.id,
      start,
      end: new Date(start.getTime() + HALF_HOUR),
      status,
      reason: 'Follow-up consultation',
      doctor: { name: doctor.name, email: doctor.email, specialty: 'General Physician', timeZone: 'Asia/Kolkata' },
      patient: { name: patient.name, email: patient.email },
      sequence: 0,
      version: 1,
      claimIds: [],
      history:
        status === 'confirmed'
          ? []
          : [{ from: 'confirmed', to: status, by: status === 'cancelled' ? 'patient' : 'doctor', at: booked }],
      createdAt: booked,
      updatedAt: booked,
    } as Appointment;
  });
  // Upcoming confirmed appointments hold their doctor's time, as booking leaves them (one that
  // would overlap another of its doctor is cancelled instead).
  const claims: ClaimDoc[] = [];
  const claimed = new Set<string>();
  for (const a of appointments) {
    if (a.status !== 'confirmed') continue;
    const ids = claimCells(a.start, a.end, 0).map((cell) => ({ id: claimId(a.doctorId, cell), cell }));
    if (ids.some(({ id }) => claimed.has(id))) {
      a.status = 'cancelled';
      a.history = [{ from: 'confirmed', to: 'cancelled', by: 'patient', at: a.createdAt }];
      continue;
    }
    a.claimIds = ids.map(({ id }) => id);
    for (const { id, cell } of ids) {
      claimed.add(id);
      claims.push({ _id: id, ownerId: a.doctorId, cell, holdId: a.id, token: a.id, createdAt: a.createdAt });
    }
  }
  for (let i = 0; i < claims.length; i += 10_000)
    await db.collection<ClaimDoc>('time_claims').insertMany(claims.slice(i, i + 10_000));
  const appointmentRepo = makeMongoAppointmentRepository(db, outbox, cipher);
  await appointmentRepo.ensureIndexes();
  t = performance.now();
  await appointmentRepo.importMany(appointments);
  log(`${world.name}: ${world.appointments} appointments and their lists in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  for (const [collection, count] of Object.entries(world.unrelated)) {
    t = performance.now();
    const filler = db.collection(collection);
    for (let i = 0; i < count; i += 10_000)
      await filler.insertMany(
        Array.from({ length: Math.min(10_000, count - i) }, (_, j) => ({
          _id: `${collection}-${i + j}` as never,
          owner: patients[(i + j) % patients.length]!.id,
          text: 'Thank you, doctor. I will take the medicine after food and come back next week.',
          at: new Date(now - (i + j) * 1_000),
        })),
      );
    log(`${world.name}: ${count} ${collection} (no module reads them yet) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // The imports wrote what the API's one-time migrations of older databases add (e-mail keys, lists).
  await db
    .collection('migrations')
    .insertMany([LISTS_MIGRATION, 'user-email-keys', 'session-lists'].map((id) => ({ _id: id as never, at: new Date() })));
  return { admin, measuredDoctor, measuredPatient };
}

type Measured = Map<string, { p50: number; p95: number }>;

async function measure(
  world: World,
): Promise<{ results: Measured; startupMs: number; mirrorsMs: number; firstAvailableOnMs: number }> {
  const dbName = `scale_${world.name}`;
  const db = mongo.db(dbName);
  await db.dropDatabase();
  const people = await seed(db, world);

  const config = loadConfig({ ...process.env, ...services.env, NODE_ENV: 'test', MONGODB_DB: dbName, LOG_LEVEL: 'silent' });
  let t = performance.now();
  const container = await buildContainer(config, silent);
  const startupMs = performance.now() - t;
  log(`${world.name}: API process started in ${(startupMs / 1000).toFixed(1)} s`);
  const server = createServer(container.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const login = async (email: string) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const [patient, doctor, admin] = await Promise.all([
      login(people.measuredPatient.email),
      login(people.measuredDoctor.email),
      login(people.admin.email),
    ]);
    const get = async (url: string, token?: string) => {
      const res = await fetch(base + url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    // Steady state: the first searches and user list wait until this process's mirrors are loaded.
    const soon = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
    t = performance.now();
    await Promise.all([
      get('/api/v1/doctors'),
      get(`/api/v1/doctors?availableOn=${soon(30)}&tz=Asia/Kolkata`),
      get('/api/v1/admin/users', admin),
    ]);
    const mirrorsMs = performance.now() - t;
    log(`${world.name}: mirrors of doctors, their hours and users loaded ${(mirrorsMs / 1000).toFixed(1)} s later`);
    const endpoints: [string, () => Promise<void>, number?][] = [
      [
        'POST /auth/login (argon2 included)',
        async () => {
          await login(people.measuredPatient.email);
        },
      ],
      ['GET /me', () => get('/api/v1/me', patient)],
      ['patient: appointments upcoming', () => get('/api/v1/appointments?scope=upcoming', patient)],
      ['patient: appointments past', () => get('/api/v1/appointments?scope=past', patient)],
      ['doctor: appointments upcoming', () => get('/api/v1/appointments?scope=upcoming', doctor)],
      ['doctor: appointments past, page 3', () => get('/api/v1/appointments?scope=past&page=3', doctor)],
      ['admin: all appointments past', () => get('/api/v1/appointments?scope=past', admin)],
      [
        'doctor slots, 14 days',
        () => get(`/api/v1/doctors/${people.measuredDoctor.id}/slots?from=${soon(1)}&to=${soon(14)}&tz=Asia/Kolkata`),
      ],
      ['doctor profile', () => get(`/api/v1/doctors/${people.measuredDoctor.id}`)],
      ['search: all', () => get('/api/v1/doctors')],
      ['search: specialty + language, by fee', () => get('/api/v1/doctors?specialtyId=cardiology&language=Hindi&sort=fee_asc')],
      ['search: text, page 5', () => get('/api/v1/doctors?q=asha&page=5')],

      ['admin: users', () => get('/api/v1/admin/users', admin)],
      ['admin: users, text', () => get('/api/v1/admin/users?q=meera', admin)],
      ['admin: KYC queue', () => get('/api/v1/admin/kyc?status=pending', admin)],
      ['admin: audit log', () => get('/api/v1/admin/audit-log', admin)],
    ];
    // A working day two or more days ahead (the doctors' hours are Monday to Saturday).
    let ahead = 2;
    while (new Date(soon(ahead)).getUTCDay() === 0) ahead++;
    const availableOn = (query = '') => get(`/api/v1/doctors?availableOn=${soon(ahead)}&tz=Asia/Kolkata${query}`);
    // The first search of a day computes each distinct set of hours' slots for it; later ones reuse them.
    t = performance.now();
    await availableOn();
    const firstAvailableOnMs = performance.now() - t;
    endpoints.push(
      ['search: availableOn', () => availableOn()],
      ['search: availableOn + specialty, page 3', () => availableOn('&specialtyId=cardiology&page=3')],
    );
    const results: Measured = new Map();
    for (const [name, request, samples = SAMPLES] of endpoints) {
      for (let i = 0; i < Math.min(5, samples); i++) await request(); // warm-up
      const timings: number[] = [];
      for (let i = 0; i < samples; i++) {
        t = performance.now();
        await request();
        timings.push(performance.now() - t);
      }
      timings.sort((a, b) => a - b);
      results.set(name, { p50: percentile(timings, 50), p95: percentile(timings, 95) });
      log(`${world.name}: ${name}: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms`);
    }
    return { results, startupMs, mirrorsMs, firstAvailableOnMs };
  } finally {
    server.closeAllConnections();
    server.close();
    await container.close();
  }
}

try {
  const small = await measure(SMALL);
  const large = await measure(LARGE);
  const ms = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\nDocTime at scale (FerretDB/SQLite, 2 cores, same run): ${SAMPLES} sequential requests each, ms`);
  console.log(
    `  world A: ${SMALL.appointments} appointments, ${SMALL.doctors} doctors, ${SMALL.patients} patients; world B: ${LARGE.appointments} appointments, ${LARGE.doctors} doctors, ${LARGE.patients} patients, ${Object.entries(
      LARGE.unrelated,
    )
      .map(([c, n]) => `${n} ${c}`)
      .join(', ')}`,
  );
  console.log(
    `  ${'endpoint'.padEnd(40)}${'A p50'.padStart(8)}${'A p95'.padStart(8)}${'B p50'.padStart(8)}${'B p95'.padStart(8)}  B/A p95`,
  );
  for (const [name, a] of small.results) {
    const b = large.results.get(name)!;
    console.log(
      `  ${name.padEnd(40)}${ms(a.p50)}${ms(a.p95)}${ms(b.p50)}${ms(b.p95)}  ${(b.p95 / a.p95).toFixed(2).padStart(7)}`,
    );
  }
  console.log(
    `  API start-up: A ${(small.startupMs / 1000).toFixed(1)} s, B ${(large.startupMs / 1000).toFixed(1)} s; then, in the background, its mirrors of doctors, their hours and users: A ${(small.mirrorsMs / 1000).toFixed(1)} s, B ${(large.mirrorsMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  first search of a day with availableOn (computes the slot grids): A ${small.firstAvailableOnMs.toFixed(1)} ms, B ${large.firstAvailableOnMs.toFixed(1)} ms`,
  );
} finally {
  await mongo.close();
  await services.stop();
}
