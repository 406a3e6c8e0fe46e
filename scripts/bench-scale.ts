// `npm run bench:scale`: what every list, search, chat and notification request
// a user waits on costs at a clinic network's size (100,000 appointments,
// 1,000,000 chat messages, 200,000 notifications), beside the same request in a
// small world, in one run on the real stack (FerretDB, Redis, Mailpit, SeaweedFS started here on
// their own ports; the API in-process on a real socket). Each world is seeded
// through the repositories' imports into its own database before an API
// process starts on it (so its start-up load is measured too).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
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
import {
  makeMongoMessageLog,
  type ImportedMessages,
} from '../apps/api/src/modules/messaging/infrastructure/mongo-message-log.ts';
import { importInboxes, importPairs } from '../apps/api/src/modules/messaging/infrastructure/mongo-inbox.store.ts';
import type { InboxChange } from '../apps/api/src/modules/messaging/domain/inbox.ts';
import {
  makeMongoNotificationRepository,
  type ImportedNotifications,
} from '../apps/api/src/modules/notifications/infrastructure/mongo-notification.repository.ts';
import { notificationTypes } from '../packages/contracts/src/notifications.ts';
import { percentile, startBenchServices } from './lib/bench.ts';

interface World {
  name: string;
  doctors: number;
  patients: number;
  appointments: number;
  /**
   * Chat messages in all, in conversations of the pairs appointments made: the measured doctor
   * in `doctorConversations`, the measured patient in `patientConversations`, the two of them in
   * one of `measuredConversation` messages, the others of 1 to 99 (50 on average).
   */
  chat: { messages: number; doctorConversations: number; patientConversations: number; measuredConversation: number };
  /** Notifications in all, `measuredEach` of them the measured patient's and as many the measured doctor's. */
  notifications: { total: number; measuredEach: number };
}
// The measured people's own data is the same size in both worlds (but the doctor's conversation
// count), so B/A shows what everyone else's data costs them.
const SMALL: World = {
  name: '1k',
  doctors: 100,
  patients: 500,
  appointments: 1_000,
  chat: { messages: 10_000, doctorConversations: 100, patientConversations: 4, measuredConversation: 2_000 },
  notifications: { total: 2_000, measuredEach: 500 },
};
const LARGE: World = {
  name: '100k',
  doctors: 10_000,
  patients: 50_000,
  appointments: 100_000,
  chat: { messages: 1_000_000, doctorConversations: 300, patientConversations: 4, measuredConversation: 2_000 },
  notifications: { total: 200_000, measuredEach: 500 },
};
/** A word in one message in ten, and one in none: what the measured searches look for. */
const SEARCHED = 'prescription';
const NOWHERE = 'zebra';
const TEXTS = [
  'Good morning doctor, the fever is down since yesterday.',
  'Please continue the same dose for five more days.',
  `Can you send the ${SEARCHED} again? The pharmacy needs a clear copy.`,
  'Thank you, doctor. I will take the medicine after food 🙏',
  'How is the cough today? Any breathlessness at night?',
  'The blood pressure readings this week were 130/85 in the mornings.',
  'Drink plenty of water and rest. Call if the pain gets worse.',
  'Sure, I will upload the lab report this evening 👍',
  'Let us review at the follow-up next Tuesday.',
  'Slight headache in the afternoons, otherwise fine 😊',
];
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
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

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
/**
 * Database commands the API process sends, to report per request (each a round trip): its client
 * is told to monitor them (`monitorCommands` in its URI) and every client counts what it sees.
 */
let commands = 0;
const connect = MongoClient.prototype.connect;
MongoClient.prototype.connect = function (this: MongoClient) {
  this.on('commandStarted', () => void (commands += 1));
  return connect.call(this);
};
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
    // The first is the measured patient's with the measured doctor: their conversation is measured.
    const doctor = i === 0 || rand() < busyShare ? measuredDoctor : doctors[Math.floor(rand() * doctors.length)]!;
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

  const measuredConversation = await seedChat(db, world, appointments, patients, { outbox, cipher });
  await seedNotifications(db, world, [measuredPatient, ...doctorAccounts, ...patients.slice(1)], cipher);
  // The imports wrote what the API's one-time migrations of older databases add (e-mail keys, lists).
  await db
    .collection('migrations')
    .insertMany([LISTS_MIGRATION, 'user-email-keys', 'session-lists'].map((id) => ({ _id: id as never, at: new Date() })));
  return { admin, measuredDoctor, measuredPatient, measuredConversation };
}

type Pair = Pick<Appointment, 'id' | 'patientId' | 'doctorId' | 'start' | 'end'>;

/**
 * Conversations of the pairs appointments made (`appointments[0]` is the measured patient's
 * with the measured doctor), their messages, both sides' inboxes and each pair's posting state
 * (a confirmed appointment: both may write), through messaging's imports. Returns the measured
 * conversation.
 */
async function seedChat(
  db: Db,
  world: World,
  appointments: Appointment[],
  patients: User[],
  { outbox, cipher }: { outbox: ReturnType<typeof makeOutbox>; cipher: ReturnType<typeof makeFieldCipher> },
) {
  const { chat } = world;
  const rand = random(chat.messages);
  const now = Date.now();
  let t = performance.now();
  const pairs = new Map<string, Pair>();
  for (const a of appointments) if (!pairs.has(`${a.patientId}:${a.doctorId}`)) pairs.set(`${a.patientId}:${a.doctorId}`, a);
  const measured = appointments[0]!;
  const { patientId: patient, doctorId: doctor } = measured;
  const all = [...pairs.values()];
  const ofDoctor = all.filter((a) => a.doctorId === doctor && a.patientId !== patient);
  // A busy doctor of the small world may have had fewer patients in the seeded year: the others came before.
  for (let i = 1; ofDoctor.length < chat.doctorConversations - 1; i++)
    if (!pairs.has(`${patients[i]!.id}:${doctor}`)) {
      const start = new Date(now - (400 + i) * DAY);
      ofDoctor.push({
        id: randomUUID(),
        patientId: patients[i]!.id,
        doctorId: doctor,
        start,
        end: new Date(start.getTime() + HALF_HOUR),
      });
    }
  const chosen = [
    measured,
    ...ofDoctor.slice(0, chat.doctorConversations - 1),
    ...all.filter((a) => a.patientId === patient && a.doctorId !== doctor).slice(0, chat.patientConversations - 1),
    ...all.filter((a) => a.patientId !== patient && a.doctorId !== doctor),
  ];
  let left = chat.messages;
  const plan = chosen.flatMap((pair, i) => {
    const size = Math.min(left, i === 0 ? chat.measuredConversation : 1 + Math.floor(rand() * 99));
    left -= size;
    // Each conversation's messages seven minutes apart, the last within two months.
    const lastAt = i === 0 ? now - HALF_HOUR : now - Math.floor(rand() * 60 * DAY);
    return size ? [{ pair, id: randomUUID(), size, lastAt }] : [];
  });
  const minutes7 = 7 * 60_000;
  await db.collection<{ _id: string; patientId: string; doctorId: string; createdAt: Date }>('conversations').insertMany(
    plan.map(({ pair, id, size, lastAt }) => ({
      _id: id,
      patientId: pair.patientId,
      doctorId: pair.doctorId,
      createdAt: new Date(lastAt - size * minutes7),
    })),
  );
  await importPairs(
    db,
    plan.map(({ pair, id }) => ({
      conversationId: id,
      changes: [
        { appointmentId: pair.id, version: 1, status: 'confirmed', start: pair.start.toISOString(), end: pair.end.toISOString() },
      ],
    })),
  );
  log(`${world.name}: ${plan.length} conversations and their pairs in ${seconds(t)}`);

  t = performance.now();
  const messageLog = makeMongoMessageLog(db, outbox, cipher);
  const inboxes = new Map<string, InboxChange[]>();
  let batch: ImportedMessages[] = [];
  let batchSize = 0;
  for (const { pair, id, size, lastAt } of plan) {
    const messages = Array.from({ length: size }, (_, i) => {
      const image = rand() < 0.05;
      return {
        id: randomUUID(),
        senderId: rand() < 0.5 ? pair.patientId : pair.doctorId,
        kind: image ? ('image' as const) : ('text' as const),
        ...(image
          ? { media: { fileId: randomUUID(), contentType: 'image/jpeg', size: 180_000, fileName: `photo-${i + 1}.jpg` } }
          : { text: TEXTS[Math.floor(rand() * TEXTS.length)]! }),
        clientId: randomUUID(),
        createdAt: new Date(lastAt - (size - 1 - i) * minutes7),
      };
    });
    const last = messages.at(-1)!;
    // Each side has received everything; the recipient of the last message may not have read the last few.
    for (const [userId, peerId] of [
      [pair.patientId, pair.doctorId],
      [pair.doctorId, pair.patientId],
    ] as const) {
      const unread = last.senderId !== userId && rand() < 0.3 ? Math.min(size, 1 + Math.floor(rand() * 3)) : 0;
      const change = {
        conversationId: id,
        peerId,
        lastSeq: size,
        at: last.createdAt.toISOString(),
        readUpTo: size - unread,
        deliveredUpTo: size,
      };
      inboxes
        .set(userId, inboxes.get(userId) ?? [])
        .get(userId)!
        .push(change);
    }
    batch.push({ conversationId: id, messages });
    batchSize += size;
    if (batchSize >= 20_000) {
      await messageLog.importMany(batch);
      [batch, batchSize] = [[], 0];
    }
  }
  await messageLog.importMany(batch);
  log(`${world.name}: ${chat.messages} messages (sealed, with block copies and dedupe keys) in ${seconds(t)}`);
  t = performance.now();
  await importInboxes(
    db,
    [...inboxes].map(([userId, changes]) => ({ userId, changes })),
  );
  log(`${world.name}: ${inboxes.size} inboxes in ${seconds(t)}`);
  return { id: plan[0]!.id, tail: plan[0]!.size };
}

const TITLES: Record<(typeof notificationTypes)[number], [string, string]> = {
  'appointment.booked': ['Appointment confirmed', 'Your consultation on Tuesday at 10:30 is confirmed.'],
  'appointment.cancelled': ['Appointment cancelled', 'The consultation on Friday at 16:00 was cancelled.'],
  'appointment.rescheduled': ['Appointment moved', 'Your consultation moved to Monday at 11:00.'],
  'appointment.reminder': ['Consultation in 15 minutes', 'Join from the appointment page when it starts.'],
  'message.new': ['New message from Dr Asha doctor0', 'Open the conversation to read it.'],
  'prescription.issued': ['New prescription', 'Your doctor issued a prescription after the consultation.'],
  'kyc.decided': ['Verification approved', 'Your profile is now listed.'],
};

/** `world.notifications.total` notifications: `measuredEach` for each of the first two accounts, 1 to 39 for the next ones. */
async function seedNotifications(db: Db, world: World, accounts: { id: string }[], cipher: ReturnType<typeof makeFieldCipher>) {
  const { total, measuredEach } = world.notifications;
  const rand = random(total);
  const now = Date.now();
  const t = performance.now();
  const repo = makeMongoNotificationRepository(db, cipher);
  let batch: ImportedNotifications[] = [];
  let batchSize = 0;
  let left = total;
  for (let i = 0; left > 0 && i < accounts.length; i++) {
    const n = Math.min(left, i < 2 ? measuredEach : 1 + Math.floor(rand() * 39));
    left -= n;
    const entries = Array.from({ length: n }, (_, k) => {
      const type = notificationTypes[Math.floor(rand() * notificationTypes.length)]!;
      const [title, body] = TITLES[type];
      return {
        uid: randomUUID(),
        id: randomUUID(),
        type,
        title,
        body,
        link: '/patient/appointments',
        createdAt: new Date(now - (n - k) * 6 * 3_600_000),
      };
    });
    // The measured ones have read all but their last 40; the others some of theirs.
    const upTo = i < 2 ? n - 40 : Math.floor(rand() * n);
    batch.push({
      userId: accounts[i]!.id,
      entries,
      ...(upTo > 0 ? { read: { kind: 'upTo' as const, seq: upTo, at: new Date(now - DAY).toISOString() } } : {}),
    });
    batchSize += n;
    if (batchSize >= 20_000) {
      await repo.importMany(batch);
      [batch, batchSize] = [[], 0];
    }
  }
  await repo.importMany(batch);
  log(`${world.name}: ${total - left} notifications (sealed, with read states) in ${seconds(t)}`);
}

type Measured = Map<string, { first: number; ops: number; p50: number; p95: number }>;

async function measure(
  world: World,
): Promise<{ results: Measured; startupMs: number; mirrorsMs: number; firstAvailableOnMs: number; load: string }> {
  const dbName = `scale_${world.name}`;
  const db = mongo.db(dbName);
  await db.dropDatabase();
  const people = await seed(db, world);

  const config = loadConfig({
    ...process.env,
    ...services.env,
    MONGODB_URI: `${services.env.MONGODB_URI}?monitorCommands=true`,
    NODE_ENV: 'test',
    MONGODB_DB: dbName,
    LOG_LEVEL: 'silent',
  });
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
    const fetchOk = async (url: string, token?: string) => {
      const res = await fetch(base + url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res;
    };
    const get = async (url: string, token?: string) => void (await (await fetchOk(url, token)).arrayBuffer());
    const json = async (url: string, token?: string) => (await (await fetchOk(url, token)).json()) as Record<string, unknown>;
    const post = async (url: string, token: string, body: unknown) => {
      const res = await fetch(base + url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
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
    const { id: conversation, tail } = people.measuredConversation;
    const thread = `/api/v1/conversations/${conversation}`;
    const messages = (query: string) => get(`${thread}/messages${query}`, patient);
    let posted = 0;
    endpoints.push(
      ['patient: conversations', () => get('/api/v1/conversations', patient)],
      [`doctor: conversations`, () => get('/api/v1/conversations', doctor)],
      ['doctor: conversations, page 5', () => get('/api/v1/conversations?page=5', doctor)],
      ['conversation', () => get(thread, patient)],
      [`messages: latest (of ${tail})`, () => messages('')],
      [`messages: before=${tail / 2}`, () => messages(`?before=${tail / 2}`)],
      [`messages: after=${tail - 20} (catch-up)`, () => messages(`?after=${tail - 20}`)],
      ['messages: search, 1 in 10 match', () => messages(`?q=${SEARCHED}`)],
      ['messages: search, no match', () => messages(`?q=${NOWHERE}`)],
      ['patient: notifications', () => get('/api/v1/notifications', patient)],
      ['doctor: notifications, unread only', () => get('/api/v1/notifications?unreadOnly=true', doctor)],
    );
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
      // Last: it lengthens the measured conversation.
      [
        'POST message (text)',
        () => post(`${thread}/messages`, patient, { clientId: randomUUID(), kind: 'text', text: TEXTS[posted++ % 2] }),
      ],
    );
    const results: Measured = new Map();
    for (const [name, request, samples = SAMPLES] of endpoints) {
      // The first request of its kind in this process (its caches cold), then warm-up.
      t = performance.now();
      await request();
      const first = performance.now() - t;
      for (let i = 0; i < Math.min(4, samples); i++) await request();
      const timings: number[] = [];
      const before = commands;
      for (let i = 0; i < samples; i++) {
        t = performance.now();
        await request();
        timings.push(performance.now() - t);
      }
      const ops = (commands - before) / samples;
      timings.sort((a, b) => a - b);
      results.set(name, { first, ops, p50: percentile(timings, 50), p95: percentile(timings, 95) });
      log(
        `${world.name}: ${name}: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, ${ops.toFixed(1)} database commands`,
      );
    }
    // What was measured is what was seeded (and posted), opened as the API opens it.
    const latest = (await json(`${thread}/messages`, patient)) as {
      items: { seq: number; text?: string; media?: { fileName?: string } }[];
    };
    const seeded = {
      'the latest page ends at the tail': latest.items.at(-1)?.seq === tail + posted,
      'the messages are opened': latest.items.every((m) => TEXTS.includes(m.text!) || m.media?.fileName?.startsWith('photo-')),
      "the doctor's conversations": (await json('/api/v1/conversations', doctor))['total'] === world.chat.doctorConversations,
      "the patient's conversations": (await json('/api/v1/conversations', patient))['total'] === world.chat.patientConversations,
      "the patient's notifications": (await json('/api/v1/notifications', patient))['total'] === world.notifications.measuredEach,
      "the patient's unread notifications": (await json('/api/v1/notifications', patient))['unread'] === 40,
    };
    const wrong = Object.entries(seeded).filter(([, ok]) => !ok);
    if (wrong.length) throw new Error(`${world.name}: not as seeded: ${wrong.map(([what]) => what).join(', ')}`);
    // The machine's load while measuring (other work on it inflates every figure).
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    return { results, startupMs, mirrorsMs, firstAvailableOnMs, load };
  } finally {
    server.closeAllConnections();
    server.close();
    await container.close();
  }
}

const describe = (w: World) =>
  `${w.appointments} appointments, ${w.doctors} doctors, ${w.patients} patients, ${w.chat.messages} chat messages (measured doctor in ${w.chat.doctorConversations} conversations, patient in ${w.chat.patientConversations}), ${w.notifications.total} notifications`;

try {
  const small = await measure(SMALL);
  const large = await measure(LARGE);
  const ms = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\nDocTime at scale (FerretDB/SQLite, 2 cores, same run): ${SAMPLES} sequential requests each, ms`);
  console.log(
    `  world A: ${describe(SMALL)}\n  world B: ${describe(LARGE)}\n  in both: the measured conversation holds ${LARGE.chat.measuredConversation} messages, the measured patient and doctor ${LARGE.notifications.measuredEach} notifications each (40 unread); 1st: the first request of its kind in the process; ops: database commands (round trips) per request`,
  );
  console.log(
    `  ${'endpoint'.padEnd(40)}${'A p50'.padStart(8)}${'A p95'.padStart(8)}${'B p50'.padStart(8)}${'B p95'.padStart(8)}  B/A p95${'A 1st'.padStart(8)}${'B 1st'.padStart(8)}${'A ops'.padStart(7)}${'B ops'.padStart(7)}`,
  );
  for (const [name, a] of small.results) {
    const b = large.results.get(name)!;
    console.log(
      `  ${name.padEnd(40)}${ms(a.p50)}${ms(a.p95)}${ms(b.p50)}${ms(b.p95)}  ${(b.p95 / a.p95).toFixed(2).padStart(7)}${ms(a.first)}${ms(b.first)}${a.ops.toFixed(1).padStart(7)}${b.ops.toFixed(1).padStart(7)}${b.p95 > 100 ? '  > 100 ms' : ''}`,
    );
  }
  console.log(
    `  API start-up: A ${(small.startupMs / 1000).toFixed(1)} s, B ${(large.startupMs / 1000).toFixed(1)} s; then, in the background, its mirrors of doctors, their hours and users: A ${(small.mirrorsMs / 1000).toFixed(1)} s, B ${(large.mirrorsMs / 1000).toFixed(1)} s`,
  );
  console.log(`  load average (1 / 5 / 15 min) after measuring: A ${small.load}, B ${large.load} (${cpus().length} cores)`);
  console.log(
    `  first search of a day with availableOn (computes the slot grids): A ${small.firstAvailableOnMs.toFixed(1)} ms, B ${large.firstAvailableOnMs.toFixed(1)} ms`,
  );
} finally {
  await mongo.close();
  await services.stop();
}
