import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { approvedDoctor, doctorProfile } from '../../../test-support/doctors.ts';
import { ApiClient } from '../../../test-support/http-client.ts';
import { waitForMail } from '../../../test-support/mailpit.ts';
import { settleSideEffects, unreachableSmtpUrl } from '../../../test-support/outbox.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { tinyPdf, uploadFile } from '../../../test-support/uploads.ts';

/**
 * Concurrent changes of one doctor, raced over many rounds against the real
 * database: every change is committed on a versioned record, so none is lost,
 * and side effects (audit entries, e-mails, the block mirror) follow exactly
 * the changes that were committed.
 */
const ROUNDS = 12;

let api: TestApi;
let admin: Awaited<ReturnType<typeof signedInAdmin>>;
let admin2: Awaited<ReturnType<typeof signedInAdmin>>;
let patient: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  api = await startTestApi();
  [admin, admin2, patient] = await Promise.all([signedInAdmin(api), signedInAdmin(api), signedIn(api, 'patient')]);
});
afterAll(async () => {
  await api?.stop();
});

type Doctor = Awaited<ReturnType<typeof signedIn>>;
interface HeadDoc {
  _id: string;
  version: number;
  blocked: boolean;
  profile: { experienceYears: number; bio: string } | null;
  kyc: { status: string; submission: number; registrationNumber?: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const head = async (id: string) => (await api.db.collection<HeadDoc>('doctors').findOne({ _id: id }))!;
const own = async (doctor: Doctor) => (await admin.c.get(`/api/v1/admin/doctors/${doctor.id}/kyc`)).body.doctor;
const auditOf = async (targetId: string) =>
  (await admin.c.get(`/api/v1/admin/audit-log?targetId=${targetId}&limit=100`)).body.items as { id: string; action: string }[];
/** A KYC decision's entry (`own` reads the submission as an admin, which is audited as `kyc.view`). */
const isKycDecision = (e: { action: string }) => e.action.startsWith('kyc.') && e.action !== 'kyc.view';
const searchIds = async (name: string) =>
  (await patient.c.get(`/api/v1/doctors?q=${encodeURIComponent(name)}&limit=50`)).body.items.map((d: { id: string }) => d.id);
const identityBlocked = async (doctor: Doctor) =>
  (await admin.c.get(`/api/v1/admin/users?q=${encodeURIComponent(doctor.email)}`)).body.items[0].blocked as boolean;

function expectError(res: { status: number; body: any; text: string }, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.body.error.code).toBe(code);
}

async function logIn(email: string) {
  const c = new ApiClient(api.baseUrl);
  const login = await c.post('/api/v1/auth/login', { email, password: PASSWORD });
  expect(login.status, login.text).toBe(200);
  c.accessToken = login.body.accessToken;
  return c;
}

async function kycDocuments(doctor: Doctor) {
  const [identity, license] = await Promise.all([
    uploadFile(doctor.c, 'kyc-document', 'application/pdf', tinyPdf),
    uploadFile(doctor.c, 'kyc-document', 'application/pdf', tinyPdf),
  ]);
  return { identity, license };
}

const kycBody = (registrationNumber: string, documents: { identity: string; license: string }) => ({
  registrationNumber,
  council: 'National Medical Commission',
  registrationYear: 2014,
  documents,
});

/** A doctor with a profile and a pending submission; returns the documents to resubmit with. */
async function pendingDoctor(name: string) {
  const doctor = await signedIn(api, 'doctor', name);
  expect((await doctor.c.put('/api/v1/doctors/me/profile', doctorProfile())).status).toBe(200);
  const documents = await kycDocuments(doctor);
  const res = await doctor.c.put('/api/v1/doctors/me/kyc', kycBody('REG-START', documents));
  expect(res.status, res.text).toBe(200);
  return { doctor, documents };
}

describe('blocking races', () => {
  it('a block racing profile saves leaves the doctor blocked everywhere, and keeps the saved profile', async () => {
    const name = `Dr Block Race ${randomUUID().slice(0, 6)}`;
    const doctor = await approvedDoctor(api, admin.c, name, { timeZone: 'UTC' });
    const hours = await doctor.c.put('/api/v1/doctors/me/availability', {
      timeZone: 'UTC',
      slotMinutes: 30,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:30' })),
    });
    expect(hours.status, hours.text).toBe(200);
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const slotsPath = `/api/v1/doctors/${doctor.id}/slots?from=${day}&to=${day}&tz=UTC`;
    const slot = (await patient.c.get(slotsPath)).body.days[0].slots[0].start as string;

    let client = doctor.c;
    for (let round = 1; round <= ROUNDS; round++) {
      const years = 10 + round;
      const [blocked, saved] = await Promise.all([
        admin.c.post(`/api/v1/admin/users/${doctor.id}/block`, { reason: `Round ${round} block` }),
        client.put('/api/v1/doctors/me/profile', doctorProfile({ timeZone: 'UTC', experienceYears: years })),
      ]);
      expect(blocked.status, blocked.text).toBe(200);
      // Saved before the block, or refused because of it; never lost once answered 200.
      expect([200, 403], saved.text).toContain(saved.status);
      await settleSideEffects(api);

      expect(await identityBlocked(doctor)).toBe(true);
      const record = await head(doctor.id);
      expect(record.blocked, `round ${round}`).toBe(true);
      if (saved.status === 200) expect(record.profile?.experienceYears, `round ${round}`).toBe(years);
      expect(await searchIds(name)).toEqual([]);
      expectError(await patient.c.get(`/api/v1/doctors/${doctor.id}`), 404, 'NOT_FOUND');
      expectError(await patient.c.get(slotsPath), 404, 'NOT_FOUND');
      expectError(
        await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start: slot }, { 'idempotency-key': randomUUID() }),
        404,
        'NOT_FOUND',
      );

      expect((await admin.c.post(`/api/v1/admin/users/${doctor.id}/unblock`)).status).toBe(200);
      await settleSideEffects(api);
      expect((await head(doctor.id)).blocked).toBe(false);
      client = await logIn(doctor.email);
    }
    expect(await searchIds(name)).toEqual([doctor.id]);
    const actions = (await auditOf(doctor.id)).map((e) => e.action);
    expect(actions.filter((a) => a === 'user.block')).toHaveLength(ROUNDS);
    expect(actions.filter((a) => a === 'user.unblock')).toHaveLength(ROUNDS);
  });

  it('an unblock racing a block ends with the mirror, search and profile page agreeing with identity', async () => {
    const name = `Dr Flip Flop ${randomUUID().slice(0, 6)}`;
    const doctor = await approvedDoctor(api, admin.c, name);
    let answered = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const results = await Promise.all([
        admin.c.post(`/api/v1/admin/users/${doctor.id}/block`, { reason: `Round ${round}` }),
        admin2.c.post(`/api/v1/admin/users/${doctor.id}/unblock`),
      ]);
      for (const r of results) expect([200, 409], r.text).toContain(r.status);
      answered += results.filter((r) => r.status === 200).length;
      await settleSideEffects(api);

      const blocked = await identityBlocked(doctor);
      expect((await head(doctor.id)).blocked, `round ${round}`).toBe(blocked);
      expect(await searchIds(name)).toEqual(blocked ? [] : [doctor.id]);
      expect((await patient.c.get(`/api/v1/doctors/${doctor.id}`)).status).toBe(blocked ? 404 : 200);
    }
    // One audit entry for every block or unblock that was answered 200, and no other.
    const actions = (await auditOf(doctor.id)).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('user.'))).toHaveLength(answered);
  });
});

describe('KYC races', () => {
  it('a KYC submission racing a profile save keeps both', async () => {
    const { doctor, documents } = await pendingDoctor('Dr Both Kept');
    for (let round = 1; round <= ROUNDS; round++) {
      const registrationNumber = `KP-${round}`;
      const [kyc, saved] = await Promise.all([
        doctor.c.put('/api/v1/doctors/me/kyc', kycBody(registrationNumber, documents)),
        doctor.c.put('/api/v1/doctors/me/profile', doctorProfile({ experienceYears: round })),
      ]);
      expect(kyc.status, kyc.text).toBe(200);
      expect(saved.status, saved.text).toBe(200);
      const me = (await doctor.c.get('/api/v1/doctors/me')).body.doctor;
      expect(me.kyc, `round ${round}`).toMatchObject({ status: 'pending', submission: round + 1, registrationNumber });
      expect(me.profile.experienceYears, `round ${round}`).toBe(round);
    }
  });

  it('a decision racing a resubmission applies to the submission it named, or answers 409; the resubmission is never lost', async () => {
    const { doctor, documents } = await pendingDoctor('Dr Moving Target');
    let decided = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const reviewed = (await own(doctor)).kyc.submission as number;
      const decision = round % 2 ? 'approve' : 'resubmit';
      const to = decision === 'approve' ? 'approved' : 'resubmission_requested';
      const registrationNumber = `MT-${round}`;
      const [decisionRes, submitRes] = await Promise.all([
        admin.c.post(`/api/v1/admin/doctors/${doctor.id}/kyc/decision`, {
          decision,
          submission: reviewed,
          ...(decision === 'resubmit' ? { reason: 'Please upload clearer scans' } : {}),
        }),
        doctor.c.put('/api/v1/doctors/me/kyc', kycBody(registrationNumber, documents)),
      ]);
      expect(submitRes.status, submitRes.text).toBe(200);
      const me = (await doctor.c.get('/api/v1/doctors/me')).body.doctor;
      // The resubmission always stands, as a new submission waiting for review.
      expect(me.kyc, `round ${round}`).toMatchObject({ status: 'pending', submission: reviewed + 1, registrationNumber });
      const adminEntries = me.history.filter(
        (h: { byRole: string; submission: number }) => h.byRole === 'admin' && h.submission === reviewed,
      );
      const resubmitted = me.history.find(
        (h: { byRole: string; submission: number }) => h.byRole === 'doctor' && h.submission === reviewed + 1,
      );
      if (decisionRes.status === 200) {
        decided++;
        // The 200 answer shows the decision stored, and the resubmission was made on top of it.
        expect(decisionRes.body.doctor.kyc).toMatchObject({ status: to, submission: reviewed });
        expect(adminEntries.map((h: { to: string }) => h.to)).toEqual([to]);
        expect(resubmitted.from).toBe(to);
      } else {
        expectError(decisionRes, 409, 'CONFLICT');
        expect(decisionRes.body.error.message).toMatch(/submitted new details/);
        expect(adminEntries).toEqual([]);
        expect(resubmitted.from).toBe('pending');
      }
    }
    await settleSideEffects(api);
    expect((await auditOf(doctor.id)).filter(isKycDecision)).toHaveLength(decided);
  });

  it('two admins deciding at once: exactly one 200, one decision stored and audited', async () => {
    const { doctor, documents } = await pendingDoctor('Dr Two Reviewers');
    for (let round = 1; round <= ROUNDS; round++) {
      const reviewed = (await own(doctor)).kyc.submission as number;
      const results = await Promise.all([
        admin.c.post(`/api/v1/admin/doctors/${doctor.id}/kyc/decision`, { decision: 'approve', submission: reviewed }),
        admin2.c.post(`/api/v1/admin/doctors/${doctor.id}/kyc/decision`, {
          decision: 'resubmit',
          reason: 'The licence is unreadable',
          submission: reviewed,
        }),
      ]);
      expect(results.map((r) => r.status).sort(), `round ${round}`).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!;
      const me = (await doctor.c.get('/api/v1/doctors/me')).body.doctor;
      expect(me.kyc).toMatchObject({ status: winner.body.doctor.kyc.status, submission: reviewed });
      expect(
        me.history.filter((h: { byRole: string; submission: number }) => h.byRole === 'admin' && h.submission === reviewed),
      ).toHaveLength(1);
      // Next round: a new submission to review.
      expect((await doctor.c.put('/api/v1/doctors/me/kyc', kycBody(`TR-${round}`, documents))).status).toBe(200);
    }
    await settleSideEffects(api);
    expect((await auditOf(doctor.id)).filter(isKycDecision)).toHaveLength(ROUNDS);
  });
});

describe('changes after approval', () => {
  it('an identical resubmission changes nothing; replacing documents goes back to review with a history entry', async () => {
    const name = `Dr Replaced Docs ${randomUUID().slice(0, 6)}`;
    const doctor = await approvedDoctor(api, admin.c, name);
    const before = (await doctor.c.get('/api/v1/doctors/me')).body.doctor;
    const { registrationNumber, council, registrationYear, documents } = before.kyc;
    const version = (await head(doctor.id)).version;

    const same = await doctor.c.put('/api/v1/doctors/me/kyc', { registrationNumber, council, registrationYear, documents });
    expect(same.status, same.text).toBe(200);
    expect(same.body.doctor).toMatchObject({ kyc: { status: 'approved', submission: 1 }, listed: true });
    expect(same.body.doctor.history).toEqual(before.history);
    expect((await head(doctor.id)).version).toBe(version);

    const replaced = await doctor.c.put('/api/v1/doctors/me/kyc', {
      registrationNumber,
      council,
      registrationYear,
      documents: await kycDocuments(doctor),
    });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.body.doctor).toMatchObject({ kyc: { status: 'pending', submission: 2 }, listed: false });
    expect(replaced.body.doctor.history.at(-1)).toMatchObject({
      submission: 2,
      from: 'approved',
      to: 'pending',
      byUserId: doctor.id,
      byRole: 'doctor',
    });
    expect(await searchIds(name)).toEqual([]);
    expectError(await patient.c.get(`/api/v1/doctors/${doctor.id}`), 404, 'NOT_FOUND');
    const queue = await admin.c.get('/api/v1/admin/kyc?status=pending&limit=100');
    expect(queue.body.items).toContainEqual(expect.objectContaining({ doctorId: doctor.id, submission: 2 }));
  });
});

/** Drains `on`'s outbox until `read()` gives what `done` wants (or 5 s pass), and returns it. */
async function drainUntil<T>(on: TestApi, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    await on.container.outbox.drain();
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}

async function mailsAbout(to: string, subject: string) {
  const res = await fetch(`${process.env['MAILPIT_URL']}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}&limit=50`);
  const { messages } = (await res.json()) as { messages: { Subject: string }[] };
  return messages.filter((m) => m.Subject.includes(subject)).length;
}

describe('mail failure', () => {
  it('a KYC decision answers 200 while the mail server is down, and the e-mail goes out once it is back', async () => {
    // Two API processes on one database, sharing the token secret: `live` sends mail to
    // Mailpit, `down` to a port where nothing listens. `live` does not poll its outbox,
    // so the decision's e-mail is tried by `down` alone until the mail server is "back".
    const secret = { JWT_SECRET: randomUUID() + randomUUID() };
    const live = await startTestApi(secret);
    let down: TestApi | undefined;
    try {
      const liveAdmin = await signedInAdmin(live);
      const doctor = await signedIn(live, 'doctor', 'Dr Mail Later');
      expect((await doctor.c.put('/api/v1/doctors/me/profile', doctorProfile())).status).toBe(200);
      const documents = await kycDocuments(doctor);
      expect((await doctor.c.put('/api/v1/doctors/me/kyc', kycBody('REG-MAIL', documents))).status).toBe(200);

      await live.container.outbox.stop();
      down = await startTestApi({ ...secret, SMTP_URL: await unreachableSmtpUrl() }, undefined, {
        dbName: live.dbName,
      });
      const viaDown = new ApiClient(down.baseUrl);
      viaDown.accessToken = liveAdmin.c.accessToken;
      const decided = await viaDown.post(`/api/v1/admin/doctors/${doctor.id}/kyc/decision`, {
        decision: 'approve',
        submission: 1,
      });
      expect(decided.status, decided.text).toBe(200);
      expect(decided.body.doctor.kyc.status).toBe('approved');

      // The audit entry is written; the e-mail waits in the outbox after a failed attempt.
      const mail = await drainUntil(
        down,
        () => mailEntryTo(down!, doctor.email),
        (m) => !!m?.['lastError'],
      );
      expect(mail?.['attempts']).toBeGreaterThan(0);
      const audit = await drainUntil(
        down,
        async () => (await viaDown.get(`/api/v1/admin/audit-log?targetId=${doctor.id}`)).body.items as { action: string }[],
        (items) => items.length > 0,
      );
      expect(audit.map((e) => e.action)).toEqual(['kyc.approve']);
      expect(await mailsAbout(doctor.email, 'approved')).toBe(0);
      await down.stop();
      down = undefined;

      // The mail server is back: the next attempt (when due) delivers the e-mail, once.
      live.clock.advance(60 * 60_000);
      await live.container.outbox.drain();
      await waitForMail(doctor.email, 'Your DocTime profile is approved');
      expect(await mailEntryTo(live, doctor.email)).toBeUndefined();
      await live.container.outbox.drain();
      await sleep(300);
      expect(await mailsAbout(doctor.email, 'approved')).toBe(1);
    } finally {
      await down?.stop();
      await live.stop();
    }
  });
});

/** The outbox entry (one per change) holding an e-mail to `to`, if any. */
async function mailEntryTo(on: TestApi, to: string) {
  const entries = await on.db.collection('outbox').find().toArray();
  return entries.find((e) =>
    (e['effects'] as { type: string; payload: { to?: string } }[]).some((x) => x.type === 'email' && x.payload.to === to),
  );
}
