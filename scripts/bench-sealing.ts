// `npm run bench:sealing`: what sealing health fields costs (decision 0017). One run measures
// the cipher alone, then commits and reads of appointment-sized versioned records on a real
// FerretDB, sealed and plain side by side (the plain store is the baseline), and prints ratios.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { makeLogger } from '../apps/api/src/platform/logger.ts';
import { makeVersionedStore } from '../apps/api/src/platform/mongo/versioned-store.ts';
import { makeOutbox } from '../apps/api/src/platform/outbox/outbox.ts';
import { newDataKeysJson, parseDataKeyring } from '../apps/api/src/platform/security/data-keyring.ts';
import { makeFieldCipher } from '../apps/api/src/platform/security/field-cipher.ts';
import { protectFields } from '../apps/api/src/platform/security/protected-fields.ts';
import { PROTECTED_FIELDS } from '../apps/api/src/modules/appointments/infrastructure/mongo-appointment.repository.ts';
import { percentile, startBenchServices } from './lib/bench.ts';

const RECORDS = 1_000;
const services = await startBenchServices('bench-sealing', 'http://localhost:3500', {
  mongo: 27417,
  mailpitWeb: 8425,
  smtp: 1425,
  s3: 4969,
  redis: 6779,
});
const mongo = new MongoClient(services.env.MONGODB_URI);
await mongo.connect();
const db = mongo.db('bench');
const cipher = makeFieldCipher(parseDataKeyring(newDataKeysJson('k1')));
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

// 1. The cipher alone: one reason sealed and opened.
const reason = 'Recurring headaches for two weeks, worse in the morning; taking paracetamol.';
const place = { collection: 'appointments', field: 'reason', id: randomUUID() };
let t = performance.now();
for (let i = 0; i < 100_000; i++) cipher.open(cipher.seal(reason, place), place);
const perValueUs = ((performance.now() - t) * 1000) / 100_000;

// 2. Versioned appointment-like records, plain (baseline) and sealed, interleaved.
type Rec = { id: string; version: number; [k: string]: unknown };
const outbox = makeOutbox(db, makeLogger('silent'));
const plain = makeVersionedStore<Rec>(db, 'plain', outbox);
const sealed = makeVersionedStore<Rec>(db, 'sealed', outbox, { protect: protectFields(cipher, 'sealed', PROTECTED_FIELDS) });
const record = (): Rec => ({
  id: randomUUID(),
  version: 1,
  doctorId: randomUUID(),
  patientId: randomUUID(),
  start: new Date(),
  end: new Date(),
  status: 'confirmed',
  reason,
  patient: { name: 'Asha Raman', email: 'asha@example.test', timeZone: 'Asia/Kolkata' },
  doctor: { name: 'Dr Meera Iyer', email: 'meera@example.test', timeZone: 'Asia/Kolkata' },
  history: [{ from: 'pending_payment', to: 'confirmed', by: 'patient', at: new Date() }],
  claimIds: [],
  sequence: 0,
  createdAt: new Date(),
  updatedAt: new Date(),
});
const timings = {
  plain: { write: [] as number[], read: [] as number[] },
  sealed: { write: [] as number[], read: [] as number[] },
};
for (let i = 0; i < RECORDS; i++)
  for (const [name, store] of [
    ['plain', plain],
    ['sealed', sealed],
  ] as const) {
    const r = record();
    t = performance.now();
    await store.create(r);
    timings[name].write.push(performance.now() - t);
    t = performance.now();
    await store.findById(r.id);
    timings[name].read.push(performance.now() - t);
  }
const p = (xs: number[], q: number) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    q,
  );

console.log(`\nSealing (decision 0017), ${RECORDS} appointment-sized records each, same FerretDB, interleaved:`);
console.log(`  cipher alone: seal + open of one reason ${perValueUs.toFixed(1)} us`);
for (const op of ['write', 'read'] as const) {
  const [b50, s50, b95, s95] = [
    p(timings.plain[op], 50),
    p(timings.sealed[op], 50),
    p(timings.plain[op], 95),
    p(timings.sealed[op], 95),
  ];
  console.log(
    `  ${op === 'write' ? 'commit' : 'read by id'}: plain p50 ${fmt(b50)} p95 ${fmt(b95)} | sealed p50 ${fmt(s50)} p95 ${fmt(s95)} | ratio p50 ${(s50 / b50).toFixed(2)}, p95 ${(s95 / b95).toFixed(2)}`,
  );
}
await outbox.stop();
await mongo.close();
await services.stop();
