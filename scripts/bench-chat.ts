// `npm run bench:chat`: chat delivery over Socket.io with 2,000 connected sockets, in one run:
// (a) the floor, a bare Socket.io relay (same version, same machine, its own process);
// (b) DocTime, one API process (server.ts, as deployed) on the real stack started here on its
//     own ports: real accounts and conversations, `message:send` acked, `message:new` received;
// (c) two API processes sharing Redis, every message sent on one and received on the other.
// The sockets (socket.io-client, websocket transport) live in this process, so one clock
// times a message from its send to its arrival on each tab of the other participant.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { MongoClient } from 'mongodb';
import { io as connect, type Socket } from 'socket.io-client';
import { makeMongoAppointmentRepository } from '../apps/api/src/modules/appointments/infrastructure/mongo-appointment.repository.ts';
import type { Appointment } from '../apps/api/src/modules/appointments/domain/appointment.ts';
import { makeMongoUserRepository } from '../apps/api/src/modules/identity/infrastructure/mongo-user.repository.ts';
import type { User } from '../apps/api/src/modules/identity/domain/user.ts';
import { makeLogger } from '../apps/api/src/platform/logger.ts';
import { makeOutbox } from '../apps/api/src/platform/outbox/outbox.ts';
import { makeArgon2PasswordHasher } from '../apps/api/src/platform/security/argon2-password-hasher.ts';
import { parseDataKeyring } from '../apps/api/src/platform/security/data-keyring.ts';
import { makeFieldCipher } from '../apps/api/src/platform/security/field-cipher.ts';
import { percentile, pool, startBenchServices } from './lib/bench.ts';
import { root, waitForPort } from './lib/services.mjs';

const PAIRS = 200; // conversations, each between two users
const TABS = 5; // sockets per user: 2 x 200 x 5 = 2,000
const RATE = 10; // messages a second in the latency runs: each of 400 users online writes every 40 s
/** 600 messages: the p99 is the 6th slowest, not one hiccup of a shared 2-core machine. */
const LATENCY_SECONDS = 60;
/**
 * Traffic before each latency run, unmeasured, at the same rate: the steady state is measured,
 * not a process's first seconds (JIT, heap growth, caches). One message each way in every
 * conversation (40 s), so each process has sent in every conversation before (with two
 * processes, the doctors' sends are the second process's first).
 */
const WARMUP_MESSAGES = 2 * PAIRS;
const THROUGHPUT_PAIRS = 50; // conversations each sending its next message as soon as the last is acked
const THROUGHPUT_SECONDS = 10;
const TEXT = 'Thank you, doctor. I will take the tablets after food and write again tomorrow 🙏';
const FLOOR_SERVER = '--floor-server';
const PASSWORD = 'bench passphrase 4242';
const API_PORTS = [3601, 3602];
const DAY = 86_400_000;

const log = (msg: string) => console.log(`[bench:chat] ${msg}`);

/**
 * The floor: what Socket.io alone costs on this machine. It does what DocTime's socket does for
 * a message, minus everything else: a room per user, the message to both participants' rooms,
 * the ack to the sender, the same payload shape.
 */
async function floorServer() {
  const { Server } = await import('socket.io');
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  const seqs = new Map<string, number>();
  io.on('connection', (socket) => {
    const userId = String(socket.handshake.auth['userId']);
    void socket.join(`user:${userId}`);
    socket.on('message:send', (input: { conversationId: string; clientId: string; text: string }, ack: (r: unknown) => void) => {
      const seq = (seqs.get(input.conversationId) ?? 0) + 1;
      seqs.set(input.conversationId, seq);
      const message = {
        id: randomUUID(),
        conversationId: input.conversationId,
        seq,
        senderId: userId,
        kind: 'text',
        text: input.text,
        clientId: input.clientId,
        createdAt: new Date().toISOString(),
      };
      io.to(input.conversationId.split('|').map((id) => `user:${id}`)).emit('message:new', { message });
      ack({ message });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  process.send!({ port: (http.address() as AddressInfo).port });
}

interface Person {
  id: string;
  tabs: Socket[];
  /** DocTime's account: signed in with the e-mail, the socket authenticated with the token (none for the floor). */
  email?: string;
  token?: string;
}
interface Pair {
  conversationId: string;
  patient: Person;
  doctor: Person;
}
/** Which messages are on their way, to whom, since when; and how long each took to each tab. */
const tracker = {
  inFlight: new Map<string, { to: string; sentAt: number; left: number }>(),
  latencies: [] as number[],
  acks: [] as number[],
  errors: new Map<string, number>(),
  reset() {
    this.inFlight.clear();
    this.latencies = [];
    this.acks = [];
    this.errors.clear();
  },
  received(userId: string, message: { clientId: string }) {
    const waiting = this.inFlight.get(message.clientId);
    if (!waiting || waiting.to !== userId) return; // the sender's own tabs get it too
    this.latencies.push(performance.now() - waiting.sentAt);
    if (--waiting.left === 0) this.inFlight.delete(message.clientId);
  },
  async drained(timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight.size && Date.now() < deadline) await sleep(20);
    return [...this.inFlight.values()].reduce((n, w) => n + w.left, 0);
  },
};

let sent = 0;
/** Sends one text message on one of the sender's tabs; resolves once it is acked (or refused). */
async function send(pair: Pair, fromPatient: boolean) {
  const [from, to] = fromPatient ? [pair.patient, pair.doctor] : [pair.doctor, pair.patient];
  const n = sent++;
  const clientId = `bench-${process.pid}-${n}`;
  const sentAt = performance.now();
  tracker.inFlight.set(clientId, { to: to.id, sentAt, left: to.tabs.length });
  const ack = (await from.tabs[n % from.tabs.length]!.timeout(30_000)
    .emitWithAck('message:send', { conversationId: pair.conversationId, clientId, kind: 'text', text: TEXT })
    .catch(() => ({ error: { code: 'ACK_TIMEOUT' } }))) as { message: unknown } | { error: { code: string } };
  if ('error' in ack) {
    tracker.inFlight.delete(clientId);
    tracker.errors.set(ack.error.code, (tracker.errors.get(ack.error.code) ?? 0) + 1);
    return false;
  }
  tracker.acks.push(performance.now() - sentAt);
  return true;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** CPU time (user + system) the processes have used so far, in ms (Linux, 100 ticks a second). */
const cpuMs = (children: ChildProcess[]) =>
  children.reduce((sum, child) => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return sum + (Number(fields[11]) + Number(fields[12])) * 10;
  }, 0);

interface Latency {
  p50: number;
  p99: number;
  /** Of the acks of `message:send`. */
  ackP99: number;
  /** The server processes' CPU time per message sent, everything they did meanwhile included. */
  cpuPerMessage: number;
  lost: number;
  errors: Map<string, number>;
}

/** Open loop: RATE messages a second, `total` in all, over all pairs in turn, each direction in turn. */
async function latencyRun(pairs: Pair[], total: number, servers: ChildProcess[]): Promise<Latency> {
  tracker.reset();
  const cpuBefore = cpuMs(servers);
  const start = performance.now();
  const acks: Promise<boolean>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / RATE - performance.now();
    if (wait > 0) await sleep(wait);
    acks.push(send(pairs[i % pairs.length]!, Math.floor(i / pairs.length) % 2 === 0));
  }
  await Promise.all(acks);
  const lost = await tracker.drained();
  const latencies = sorted(tracker.latencies);
  if (!latencies.length) throw new Error(`no message arrived: ${JSON.stringify([...tracker.errors])}`);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ackP99: percentile(sorted(tracker.acks), 99),
    cpuPerMessage: (cpuMs(servers) - cpuBefore) / total,
    lost,
    errors: new Map(tracker.errors),
  };
}

/** Closed loop: every pair sends its next message once the last is acked; messages acked a second. */
async function throughputRun(pairs: Pair[], seconds: number) {
  tracker.reset();
  const start = performance.now();
  const end = start + seconds * 1000;
  let acked = 0;
  await Promise.all(
    pairs.map(async (pair) => {
      for (let k = 0; performance.now() < end; k++) if (await send(pair, k % 2 === 0)) acked++;
    }),
  );
  const perSecond = acked / ((performance.now() - start) / 1000);
  const lost = await tracker.drained();
  return { perSecond, lost, errors: new Map(tracker.errors) };
}

interface Row {
  name: string;
  latency: Latency;
  throughput?: Awaited<ReturnType<typeof throughputRun>>;
  /** The p99 this setup must stay under. */
  target?: number;
}

/** A warm-up, the latency run and, if asked, the throughput run, on sockets already open. */
async function measure(
  name: string,
  pairs: Pair[],
  servers: ChildProcess[],
  withThroughput: boolean,
  target?: number,
): Promise<Row> {
  await latencyRun(pairs, WARMUP_MESSAGES, servers);
  const latency = await latencyRun(pairs, LATENCY_SECONDS * RATE, servers);
  log(`${name}: p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`);
  const throughput = withThroughput ? await throughputRun(pairs.slice(0, THROUGHPUT_PAIRS), THROUGHPUT_SECONDS) : undefined;
  if (throughput) log(`${name}: ${throughput.perSecond.toFixed(0)} messages/s`);
  return { name, latency, throughput, target };
}

/** Opens every tab of `people` (50 handshakes at a time); each tab reports what it receives. */
async function openTabs(people: Person[], url: string) {
  const jobs = people.flatMap((person) => Array.from({ length: TABS }, () => person));
  await pool(jobs, 50, async (person) => {
    const socket = connect(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: person.token ? { token: person.token } : { userId: person.id },
    });
    socket.on('message:new', ({ message }: { message: { clientId: string } }) => tracker.received(person.id, message));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', (error) => reject(new Error(`socket of ${person.id}: ${error.message}`)));
    });
    person.tabs.push(socket);
  });
  log(`${jobs.length} sockets connected to ${url}`);
}

function closeTabs(people: Person[]) {
  for (const person of people) for (const tab of person.tabs.splice(0)) tab.disconnect();
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function measureFloor(): Promise<Row> {
  const child = spawn(process.execPath, [import.meta.filename, FLOOR_SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [{ port }] = (await once(child, 'message')) as [{ port: number }];
  const people = (role: string) => Array.from({ length: PAIRS }, (_, i): Person => ({ id: `${role}${i}`, tabs: [] }));
  const [patients, doctors] = [people('patient'), people('doctor')];
  const pairs = patients.map((patient, i) => ({
    patient,
    doctor: doctors[i]!,
    conversationId: `${patient.id}|${doctors[i]!.id}`,
  }));
  try {
    await openTabs([...patients, ...doctors], `http://127.0.0.1:${port}`);
    return await measure('floor: bare Socket.io relay', pairs, [child], true);
  } finally {
    closeTabs([...patients, ...doctors]);
    await stopChild(child);
  }
}

/**
 * PAIRS patients and PAIRS doctors stored through the repositories' imports (as bench:scale
 * does), each pair with one consultation completed yesterday, so they may write for 14 days.
 */
async function seed(mongoUri: string, dbName: string, dataKeys: string) {
  const mongo = new MongoClient(mongoUri);
  await mongo.connect();
  try {
    const db = mongo.db(dbName);
    const outbox = makeOutbox(db, makeLogger('silent'));
    const passwordHash = await makeArgon2PasswordHasher().hash(PASSWORD);
    const at = new Date(Date.now() - 30 * DAY);
    const account = (role: 'patient' | 'doctor', i: number): User => ({
      id: randomUUID(),
      version: 1,
      role,
      name: `${role === 'doctor' ? 'Dr ' : ''}Bench ${role} ${i}`,
      email: `${role}${i}@bench.test`,
      passwordHash,
      emailVerified: true,
      blocked: null,
      blockHistory: [],
      createdAt: at,
      updatedAt: at,
    });
    const patients = Array.from({ length: PAIRS }, (_, i) => account('patient', i));
    const doctors = Array.from({ length: PAIRS }, (_, i) => account('doctor', i));
    const users = makeMongoUserRepository(db, outbox);
    await users.ensureIndexes();
    await users.importMany([...patients, ...doctors]);
    users.close();

    const start = new Date(Math.floor((Date.now() - DAY) / 1_800_000) * 1_800_000);
    const appointments = patients.map((patient, i): Appointment => {
      const doctor = doctors[i]!;
      return {
        id: randomUUID(),
        doctorId: doctor.id,
        patientId: patient.id,
        start,
        end: new Date(start.getTime() + 1_800_000),
        status: 'completed',
        reason: 'Follow-up consultation',
        doctor: { name: doctor.name, email: doctor.email, specialty: 'General Physician', timeZone: 'Asia/Kolkata' },
        patient: { name: patient.name, email: patient.email },
        sequence: 0,
        version: 1,
        claimIds: [],
        history: [{ from: 'confirmed', to: 'completed', by: 'doctor', at: start }],
        createdAt: at,
        updatedAt: start,
      };
    });
    const repo = makeMongoAppointmentRepository(db, outbox, makeFieldCipher(parseDataKeyring(dataKeys)));
    await repo.ensureIndexes();
    await repo.importMany(appointments);
    return appointments.map((a, i) => ({ appointmentId: a.id, patient: patients[i]!, doctor: doctors[i]! }));
  } finally {
    await mongo.close();
  }
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** DocTime: the API as deployed (server.ts), one process, then two sharing Redis. */
async function measureDocTime(): Promise<Row[]> {
  const webOrigin = `http://localhost:${API_PORTS[0]}`;
  const services = await startBenchServices('bench-chat', webOrigin, {
    mongo: 27517,
    mailpitWeb: 8525,
    smtp: 1525,
    s3: 5069,
    redis: 6879,
  });
  const dbName = 'chat';
  const env = {
    ...process.env,
    ...services.env,
    DATA_KEYS_FILE: undefined,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    MONGODB_DB: dbName,
    WEB_ORIGIN: webOrigin,
    // Shared by both processes (a token from one is checked by the other), and long enough
    // that no socket is dropped for an expired token during the run.
    JWT_SECRET: randomBytes(32).toString('hex'),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  const apis: ChildProcess[] = [];
  const startApi = async (port: number) => {
    // BENCH_CPU_PROF=<dir>: each API process writes a CPU profile there when it stops.
    const profile = process.env['BENCH_CPU_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`] : [];
    const api = spawn(process.execPath, [...profile, 'apps/api/src/main/server.ts'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, PORT: String(port) },
    });
    apis.push(api);
    await waitForPort(port, 'DocTime API', api);
    return { api, url: `http://127.0.0.1:${port}` };
  };
  const everyone: Person[] = [];
  try {
    const t = performance.now();
    const seeded = await seed(services.env.MONGODB_URI, dbName, services.env.DATA_KEYS);
    const a = await startApi(API_PORTS[0]!);
    const person = (user: User): Person => ({ id: user.id, tabs: [], email: user.email });
    const pairs: Pair[] = seeded.map((s) => ({ conversationId: '', patient: person(s.patient), doctor: person(s.doctor) }));
    const patients = pairs.map((p) => p.patient);
    const doctors = pairs.map((p) => p.doctor);
    everyone.push(...patients, ...doctors);
    // Signed in through the API (argon2: a few at a time); each patient opens the pair's conversation.
    await pool(everyone, 4, async (p) => {
      const login = await post<{ accessToken: string }>(`${a.url}/api/v1/auth/login`, { email: p.email, password: PASSWORD });
      p.token = login.accessToken;
    });
    await pool([...pairs.keys()], 8, async (i) => {
      const { appointmentId } = seeded[i]!;
      const opened = await post<{ conversation: { id: string } }>(
        `${a.url}/api/v1/conversations`,
        { appointmentId },
        pairs[i]!.patient.token,
      );
      pairs[i]!.conversationId = opened.conversation.id;
    });
    log(`${2 * PAIRS} accounts, ${PAIRS} conversations ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    await openTabs(everyone, a.url);
    const one = await measure('DocTime, one API process', pairs, [a.api], true, 25);

    // Every doctor's tabs move to a second process: each message crosses Redis.
    const b = await startApi(API_PORTS[1]!);
    closeTabs(doctors);
    await openTabs(doctors, b.url);
    const two = await measure('DocTime, two processes (A <-> B via Redis)', pairs, [a.api, b.api], false, 40);
    return [one, two];
  } finally {
    closeTabs(everyone);
    await Promise.all(apis.map(stopChild));
    await services.stop();
  }
}

function report(rows: Row[]) {
  const [floor] = rows as [Row];
  // Right-aligned columns, each at least one space from the last.
  const line = (cells: [string | number, number][]) =>
    cells.map(([cell, width]) => ` ${typeof cell === 'number' ? cell.toFixed(1) : cell}`.padStart(width)).join('');
  const widths = [44, 10, 10, 10, 10, 8, 9, 8, 8] as const;
  const row = (cells: (string | number)[], tail = '') =>
    console.log(`  ${String(cells[0]).padEnd(widths[0])}${line(cells.slice(1).map((c, i) => [c, widths[i + 1]!]))}${tail}`);
  console.log(
    `\nChat delivery with ${2 * PAIRS * TABS} open sockets (${2 * PAIRS} users x ${TABS} tabs, ${PAIRS} conversations, websocket), one machine (${availableParallelism()} cores).`,
  );
  console.log(
    `Latency: ${RATE} messages/s for ${LATENCY_SECONDS} s after a warm-up of one message each way per conversation, from message:send to message:new on each tab of the other participant (ms).`,
  );
  console.log(
    `Throughput: ${THROUGHPUT_PAIRS} conversations sending back to back (the next message once the last is acked) for ${THROUGHPUT_SECONDS} s.`,
  );
  row(['', 'p50', 'p99', 'ack p99', 'CPU/msg', 'msg/s', 'p50 x', 'p99 x', 'msg/s x'], '   (x: ratio to the floor)');
  for (const { name, latency: l, throughput, target } of rows) {
    const notes = [
      ...(target ? [`target p99 <= ${target} ms: ${l.p99 <= target ? 'met' : 'MISSED'}`] : []),
      ...(l.lost || throughput?.lost ? [`${l.lost + (throughput?.lost ?? 0)} deliveries not in within 10 s`] : []),
      ...[...new Set([...l.errors.keys(), ...(throughput?.errors.keys() ?? [])])].map(
        (code) => `${(l.errors.get(code) ?? 0) + (throughput?.errors.get(code) ?? 0)} x ${code}`,
      ),
    ];
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}`;
    row(
      [
        name,
        l.p50,
        l.p99,
        l.ackP99,
        l.cpuPerMessage,
        throughput ? throughput.perSecond.toFixed(0) : '-',
        ratio(l.p50, floor.latency.p50),
        ratio(l.p99, floor.latency.p99),
        throughput ? ratio(throughput.perSecond, floor.throughput!.perSecond) : '-',
      ],
      notes.length ? `   ${notes.join('; ')}` : '',
    );
  }
  console.log(
    "  CPU/msg: the server processes' CPU time (ms) per message sent, all their work meanwhile included; FerretDB's and Redis's not.",
  );
}

async function main() {
  const floor = await measureFloor();
  report([floor, ...(await measureDocTime())]);
}

if (process.argv[2] === FLOOR_SERVER) await floorServer();
else await main();
