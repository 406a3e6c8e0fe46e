import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { waitForMail } from '../../../test-support/mailpit.ts';
import { settleSideEffects } from '../../../test-support/outbox.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { tinyPdf, tinyPng, uploadFile } from '../../../test-support/uploads.ts';

let api: TestApi;
let admin: Awaited<ReturnType<typeof signedInAdmin>>;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signedInAdmin(api);
});
afterAll(async () => {
  await api?.stop();
});

const profile = (over: Record<string, unknown> = {}) => ({
  specialtyId: 'cardiology',
  qualifications: ['MBBS', 'MD (Cardiology)'],
  experienceYears: 12,
  languages: ['English', 'Hindi'],
  consultationFee: { amount: 800, currency: 'inr' },
  bio: 'Interventional cardiologist with twelve years of practice.',
  timeZone: 'Asia/Kolkata',
  gender: 'female',
  clinic: { name: 'Heart Care', address: '12 MG Road', city: 'Bengaluru' },
  ...over,
});

function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
}

/** A doctor with a saved profile and submitted KYC (pending). */
async function submittedDoctor(name: string, over: Record<string, unknown> = {}) {
  const doctor = await signedIn(api, 'doctor', name);
  expect((await doctor.c.put('/api/v1/doctors/me/profile', profile(over))).status).toBe(200);
  const identity = await uploadFile(doctor.c, 'kyc-document', 'application/pdf', tinyPdf);
  const license = await uploadFile(doctor.c, 'kyc-document', 'image/png', tinyPng);
  const kyc = await doctor.c.put('/api/v1/doctors/me/kyc', {
    registrationNumber: `REG-${name.length}${Date.now() % 10000}`,
    council: 'National Medical Commission',
    registrationYear: 2012,
    documents: { identity, license },
  });
  expect(kyc.status, kyc.text).toBe(200);
  return { ...doctor, identity, license };
}

async function approve(doctorId: string) {
  const res = await admin.c.post(`/api/v1/admin/doctors/${doctorId}/kyc/decision`, { decision: 'approve' });
  expect(res.status, res.text).toBe(200);
}

const search = (c: ApiClient, query: string) => c.get(`/api/v1/doctors?${query}`);
const ids = (res: { body: any }) => res.body.items.map((d: { id: string }) => d.id);

describe('uploads', () => {
  it('issues presigned PUT URLs within type and size limits per purpose', async () => {
    const doctor = await signedIn(api, 'doctor');
    const patient = await signedIn(api, 'patient');
    const wrongType = await doctor.c.post('/api/v1/uploads', { purpose: 'kyc-document', contentType: 'text/html', size: 100 });
    expectError(wrongType, 400, 'VALIDATION_FAILED');
    expect(wrongType.body.error.details.fieldErrors.contentType).toBeDefined();
    const tooBig = await doctor.c.post('/api/v1/uploads', { purpose: 'avatar', contentType: 'image/png', size: 6 * 1024 * 1024 });
    expect(tooBig.body.error.details.fieldErrors.size).toBeDefined();
    expectError(
      await patient.c.post('/api/v1/uploads', { purpose: 'kyc-document', contentType: 'application/pdf', size: 100 }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await admin.c.post('/api/v1/uploads', { purpose: 'avatar', contentType: 'image/png', size: 100 }),
      403,
      'FORBIDDEN',
    );
    expect(await api.db.collection('files').countDocuments({ ownerId: patient.id })).toBe(0);

    const ok = await doctor.c.post('/api/v1/uploads', {
      purpose: 'kyc-document',
      contentType: 'application/pdf',
      size: tinyPdf.byteLength,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'application/pdf' } });
    expect(ok.body.uploadUrl).toContain('X-Amz-Signature');
    const put = await fetch(ok.body.uploadUrl, { method: 'PUT', headers: ok.body.headers, body: Buffer.from(tinyPdf) });
    expect(put.status).toBe(200);
  });

  it('downloads only through short-lived links for the owner or an admin', async () => {
    const doctor = await signedIn(api, 'doctor');
    const other = await signedIn(api, 'doctor');
    const fileId = await uploadFile(doctor.c, 'kyc-document', 'application/pdf', tinyPdf);
    // Not attached yet, so not confirmed uploaded: no link for anyone.
    expectError(await doctor.c.get(`/api/v1/files/${fileId}/url`), 404, 'NOT_FOUND');
    expect((await doctor.c.put('/api/v1/doctors/me/profile', profile())).status).toBe(200);
    const license = await uploadFile(doctor.c, 'kyc-document', 'application/pdf', tinyPdf);
    await doctor.c.put('/api/v1/doctors/me/kyc', {
      registrationNumber: 'REG-1',
      council: 'NMC',
      registrationYear: 2010,
      documents: { identity: fileId, license },
    });

    const link = await doctor.c.get(`/api/v1/files/${fileId}/url`);
    expect(link.status).toBe(200);
    expect(link.body.url).toMatch(/X-Amz-Expires=300/);
    const bytes = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(tinyPdf))).toBe(true);
    expect((await admin.c.get(`/api/v1/files/${fileId}/url`)).status).toBe(200);
    expectError(await other.c.get(`/api/v1/files/${fileId}/url`), 404, 'NOT_FOUND');
  });
});

describe('doctor profile and KYC', () => {
  it('starts not_submitted, validates the profile, and needs a profile before KYC', async () => {
    const doctor = await signedIn(api, 'doctor');
    const me = await doctor.c.get('/api/v1/doctors/me');
    expect(me.body.doctor).toMatchObject({
      kyc: { status: 'not_submitted' },
      profile: null,
      profileComplete: false,
      listed: false,
    });

    const bad = await doctor.c.put(
      '/api/v1/doctors/me/profile',
      profile({ experienceYears: -1, languages: [], timeZone: 'Mars/Base', consultationFee: { amount: 5, currency: 'rupees' } }),
    );
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(Object.keys(bad.body.error.details.fieldErrors)).toEqual(
      expect.arrayContaining(['experienceYears', 'languages', 'timeZone', 'consultationFee.currency']),
    );
    expectError(
      await doctor.c.put('/api/v1/doctors/me/profile', profile({ specialtyId: 'astrology' })),
      400,
      'VALIDATION_FAILED',
    );

    const fileId = await uploadFile(doctor.c, 'kyc-document', 'application/pdf', tinyPdf);
    const early = await doctor.c.put('/api/v1/doctors/me/kyc', {
      registrationNumber: 'REG-9',
      council: 'NMC',
      registrationYear: 2010,
      documents: { identity: fileId, license: fileId },
    });
    expectError(early, 409, 'CONFLICT');
    expect((await doctor.c.get('/api/v1/doctors/me')).body.doctor.kyc.status).toBe('not_submitted');
  });

  it("refuses to attach a file that was never uploaded, or someone else's file (403)", async () => {
    const doctor = await signedIn(api, 'doctor');
    const thief = await signedIn(api, 'doctor');
    await thief.c.put('/api/v1/doctors/me/profile', profile());
    await doctor.c.put('/api/v1/doctors/me/profile', profile());
    const theirs = await uploadFile(doctor.c, 'kyc-document', 'application/pdf', tinyPdf);
    const mine = await uploadFile(thief.c, 'kyc-document', 'application/pdf', tinyPdf);
    const stolen = await thief.c.put('/api/v1/doctors/me/kyc', {
      registrationNumber: 'REG-7',
      council: 'NMC',
      registrationYear: 2010,
      documents: { identity: theirs, license: mine },
    });
    expectError(stolen, 403, 'FORBIDDEN');

    const declared = await thief.c.post('/api/v1/uploads', {
      purpose: 'kyc-document',
      contentType: 'application/pdf',
      size: 2048,
    });
    const never = await thief.c.put('/api/v1/doctors/me/kyc', {
      registrationNumber: 'REG-7',
      council: 'NMC',
      registrationYear: 2010,
      documents: { identity: declared.body.fileId, license: mine },
    });
    expectError(never, 400, 'VALIDATION_FAILED');
    expect(never.body.error.details.fieldErrors['documents.identity'][0]).toMatch(/not been uploaded/);

    // Declared 2048 bytes, sent fewer: the bucket object does not match, so it is refused.
    const lying = await thief.c.post('/api/v1/uploads', { purpose: 'kyc-document', contentType: 'application/pdf', size: 2048 });
    await fetch(lying.body.uploadUrl, { method: 'PUT', headers: lying.body.headers, body: Buffer.from(tinyPdf) });
    const mismatch = await thief.c.put('/api/v1/doctors/me/kyc', {
      registrationNumber: 'REG-7',
      council: 'NMC',
      registrationYear: 2010,
      documents: { identity: lying.body.fileId, license: mine },
    });
    expectError(mismatch, 400, 'VALIDATION_FAILED');
    expect((await thief.c.get('/api/v1/doctors/me')).body.doctor.kyc.status).toBe('not_submitted');
  });

  it('goes pending on submission and is invisible to patients until approved', async () => {
    const doctor = await submittedDoctor('Dr Hidden Pending');
    const patient = await signedIn(api, 'patient');
    expect((await doctor.c.get('/api/v1/doctors/me')).body.doctor.kyc.status).toBe('pending');
    expect(ids(await search(patient.c, 'q=Hidden'))).toEqual([]);
    expectError(await patient.c.get(`/api/v1/doctors/${doctor.id}`), 404, 'NOT_FOUND');
  });

  it('only doctors use the doctor endpoints', async () => {
    const patient = await signedIn(api, 'patient');
    expectError(await patient.c.get('/api/v1/doctors/me'), 403, 'FORBIDDEN');
    expectError(await patient.c.put('/api/v1/doctors/me/profile', profile()), 403, 'FORBIDDEN');
  });
});

describe('admin review', () => {
  it('non-admins get 403 on every admin route', async () => {
    const doctor = await signedIn(api, 'doctor');
    for (const [method, path] of [
      ['GET', '/api/v1/admin/kyc'],
      ['GET', `/api/v1/admin/doctors/${doctor.id}/kyc`],
      ['POST', `/api/v1/admin/doctors/${doctor.id}/kyc/decision`],
      ['POST', `/api/v1/admin/users/${doctor.id}/block`],
      ['GET', '/api/v1/admin/audit-log'],
    ] as const) {
      expectError(
        await doctor.c.request(method, path, method === 'POST' ? { decision: 'approve', reason: 'x y z' } : undefined),
        403,
        'FORBIDDEN',
      );
    }
  });

  it('queues, shows documents through links, decides with reasons, e-mails the doctor and audits it', async () => {
    const doctor = await submittedDoctor('Dr Queue Reviewed');
    const queue = await admin.c.get('/api/v1/admin/kyc?status=pending&limit=100');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { doctorId: string }) => i.doctorId)).toContain(doctor.id);
    expect(queue.body.counts.pending).toBeGreaterThanOrEqual(1);

    const details = await admin.c.get(`/api/v1/admin/doctors/${doctor.id}/kyc`);
    expect(details.body.doctor.kyc.registrationYear).toBe(2012);
    const identityBytes = await (await fetch(details.body.documents.identity.url)).arrayBuffer();
    expect(identityBytes.byteLength).toBe(tinyPdf.byteLength);
    expect(details.body.documents.license.contentType).toBe('image/png');

    const noReason = await admin.c.post(`/api/v1/admin/doctors/${doctor.id}/kyc/decision`, { decision: 'resubmit' });
    expectError(noReason, 400, 'VALIDATION_FAILED');
    expect(noReason.body.error.details.fieldErrors.reason).toBeDefined();
    expect((await doctor.c.get('/api/v1/doctors/me')).body.doctor.kyc.status).toBe('pending');

    const resubmit = await admin.c.post(`/api/v1/admin/doctors/${doctor.id}/kyc/decision`, {
      decision: 'resubmit',
      reason: 'The licence scan is blurred',
    });
    expect(resubmit.status).toBe(200);
    expect(resubmit.body.doctor.kyc).toMatchObject({ status: 'resubmission_requested', reason: 'The licence scan is blurred' });
    const mail = await waitForMail(doctor.email, 'needs more');
    expect(mail.Text).toContain('The licence scan is blurred');
    expectError(await admin.c.post(`/api/v1/admin/doctors/${doctor.id}/kyc/decision`, { decision: 'approve' }), 409, 'CONFLICT');

    const again = await doctor.c.put('/api/v1/doctors/me/kyc', {
      registrationNumber: 'REG-NEW-1',
      council: 'NMC',
      registrationYear: 2012,
      documents: { identity: doctor.identity, license: doctor.license },
    });
    expect(again.body.doctor.kyc.status).toBe('pending');
    await approve(doctor.id);
    const me = (await doctor.c.get('/api/v1/doctors/me')).body.doctor;
    expect(me.kyc.status).toBe('approved');
    expect(me.listed).toBe(true);
    expect(me.history.map((h: { to: string }) => h.to)).toEqual(['pending', 'resubmission_requested', 'pending', 'approved']);
    await waitForMail(doctor.email, 'approved');

    await settleSideEffects(api); // audit entries are side effects of the decisions
    const audit = await admin.c.get(`/api/v1/admin/audit-log?targetId=${doctor.id}`);
    // The admin's look at the documents above is audited too.
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['kyc.approve', 'kyc.resubmit', 'kyc.view']);
    expect(audit.body.items[1]).toMatchObject({
      actorId: admin.id,
      actorName: 'Test Admin',
      reason: 'The licence scan is blurred',
    });

    // Changing registration details after approval sends the doctor back to review.
    const changed = await doctor.c.put('/api/v1/doctors/me/kyc', {
      registrationNumber: 'REG-NEW-2',
      council: 'NMC',
      registrationYear: 2012,
      documents: { identity: doctor.identity, license: doctor.license },
    });
    expect(changed.body.doctor.kyc.status).toBe('pending');
    expect(changed.body.doctor.listed).toBe(false);
  });

  it('two admins deciding at once record exactly one decision', async () => {
    const doctor = await submittedDoctor('Dr Race Decided');
    const second = await signedInAdmin(api);
    const results = await Promise.all([
      admin.c.post(`/api/v1/admin/doctors/${doctor.id}/kyc/decision`, { decision: 'approve' }),
      second.c.post(`/api/v1/admin/doctors/${doctor.id}/kyc/decision`, {
        decision: 'reject',
        reason: 'Registration number not found',
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const me = (await doctor.c.get('/api/v1/doctors/me')).body.doctor;
    expect(me.history.filter((h: { byRole: string }) => h.byRole === 'admin')).toHaveLength(1);
    await settleSideEffects(api);
    const audit = await admin.c.get(`/api/v1/admin/audit-log?targetId=${doctor.id}`);
    expect(audit.body.items).toHaveLength(1);
  });
});

describe('patient search', () => {
  it('finds approved doctors by name or specialty, filters, sorts and pages', async () => {
    const tag = `Zeta${Date.now() % 100000}`;
    const a = await submittedDoctor(`Dr ${tag} Anand`, {
      consultationFee: { amount: 500, currency: 'INR' },
      experienceYears: 5,
      languages: ['English', 'Tamil'],
      gender: 'male',
    });
    const b = await submittedDoctor(`Dr ${tag} Bose`, {
      consultationFee: { amount: 1500, currency: 'INR' },
      experienceYears: 20,
      specialtyId: 'dermatology',
    });
    await approve(a.id);
    await approve(b.id);
    const patient = await signedIn(api, 'patient');

    expect(ids(await search(patient.c, `q=${tag}&sort=fee_asc`))).toEqual([a.id, b.id]);
    expect(ids(await search(patient.c, `q=${tag}&sort=fee_desc`))).toEqual([b.id, a.id]);
    expect(ids(await search(patient.c, `q=${tag}&sort=experience_desc`))).toEqual([b.id, a.id]);
    expect(ids(await search(patient.c, `q=${tag}&specialtyId=dermatology`))).toEqual([b.id]);
    expect(ids(await search(patient.c, `q=${tag}&language=tamil`))).toEqual([a.id]);
    expect(ids(await search(patient.c, `q=${tag}&maxFee=1000`))).toEqual([a.id]);
    expect(ids(await search(patient.c, `q=${tag}&gender=male`))).toEqual([a.id]);
    const paged = await search(patient.c, `q=${tag}&sort=name_asc&limit=1&page=2`);
    expect(paged.body).toMatchObject({ total: 2, page: 2, limit: 1 });
    expect(ids(paged)).toEqual([b.id]);
    const bySpecialtyName = await search(patient.c, 'q=Dermatology&limit=50');
    expect(ids(bySpecialtyName)).toContain(b.id);

    const profilePage = await patient.c.get(`/api/v1/doctors/${a.id}`);
    expect(profilePage.body.doctor).toMatchObject({
      name: `Dr ${tag} Anand`,
      specialty: { id: 'cardiology', name: 'Cardiology' },
      consultationFee: { amount: 500, currency: 'INR' },
    });
    expect(profilePage.body.doctor.email).toBeUndefined();
  });

  it('treats regular-expression characters in the search as plain text', async () => {
    const anonymous = await signedIn(api, 'patient');
    for (const q of ['.*(', '[', '\\', '$where', '(a+)+$']) {
      const res = await search(anonymous.c, `q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    }
    expectError(await search(anonymous.c, 'sort=random'), 400, 'VALIDATION_FAILED');
    expectError(await search(anonymous.c, 'availableOn=tomorrow'), 400, 'VALIDATION_FAILED');
  });

  it('lists specialties (seeded, at least 15)', async () => {
    const res = await (await signedIn(api, 'patient')).c.get('/api/v1/specialties');
    expect(res.body.items.length).toBeGreaterThanOrEqual(15);
    expect(res.body.items.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['general-physician', 'paediatrics', 'ent', 'urology']),
    );
  });
});

describe('blocking', () => {
  it("ends a blocked doctor's sessions at once, hides them, and unblocking restores them", async () => {
    const doctor = await submittedDoctor('Dr Blocked Soon');
    await approve(doctor.id);
    const patient = await signedIn(api, 'patient');
    expect(ids(await search(patient.c, 'q=Blocked%20Soon'))).toEqual([doctor.id]);

    expectError(await admin.c.post(`/api/v1/admin/users/${doctor.id}/block`, {}), 400, 'VALIDATION_FAILED');
    const blocked = await admin.c.post(`/api/v1/admin/users/${doctor.id}/block`, { reason: 'Fake credentials reported' });
    expect(blocked.status).toBe(200);
    expect(blocked.body.user).toMatchObject({ id: doctor.id, blocked: true, blockedReason: 'Fake credentials reported' });

    expectError(await doctor.c.post('/api/v1/auth/refresh'), 403, 'ACCOUNT_BLOCKED');
    expectError(await doctor.c.get('/api/v1/doctors/me'), 403, 'ACCOUNT_BLOCKED');
    // The profile asks identity itself; search filters on the doctors' mirror, updated by the block's event.
    expectError(await patient.c.get(`/api/v1/doctors/${doctor.id}`), 404, 'NOT_FOUND');
    await settleSideEffects(api);
    expect(ids(await search(patient.c, 'q=Blocked%20Soon'))).toEqual([]);

    expect((await admin.c.post(`/api/v1/admin/users/${doctor.id}/unblock`)).body.user.blocked).toBe(false);
    await settleSideEffects(api);
    expect(ids(await search(patient.c, 'q=Blocked%20Soon'))).toEqual([doctor.id]);
    const actions = (await admin.c.get(`/api/v1/admin/audit-log?targetId=${doctor.id}`)).body.items.map(
      (e: { action: string; ip?: string }) => e.action,
    );
    expect(actions).toEqual(['user.unblock', 'user.block', 'kyc.approve']);
  });

  it('blocks patients too, and never admins', async () => {
    const patient = await signedIn(api, 'patient');
    expect((await admin.c.post(`/api/v1/admin/users/${patient.id}/block`, { reason: 'Abusive messages' })).status).toBe(200);
    expectError(await patient.c.get('/api/v1/me'), 403, 'ACCOUNT_BLOCKED');
    expectError(await admin.c.post(`/api/v1/admin/users/${admin.id}/block`, { reason: 'Self harm' }), 403, 'FORBIDDEN');
    expectError(await admin.c.post('/api/v1/admin/users/no-such-user/block', { reason: 'Nobody here' }), 404, 'NOT_FOUND');
  });
});
