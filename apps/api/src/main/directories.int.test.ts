import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../test-support/accounts.ts';
import { ApiClient } from '../test-support/http-client.ts';
import { approvedDoctor } from '../test-support/doctors.ts';
import { settleSideEffects } from '../test-support/outbox.ts';
import { startTestApi, type TestApi } from '../test-support/test-api.ts';

/**
 * Doctor search, the KYC queue and the admin user list answer from each API
 * process's mirror of the records, kept by the change feeds: two processes on
 * one database, and each shows at once what was changed through the other.
 */

const JWT_SECRET = randomBytes(32).toString('hex'); // shared, so both processes accept the same tokens
let one: TestApi;
let two: TestApi;
beforeAll(async () => {
  one = await startTestApi({ JWT_SECRET });
  two = await startTestApi({ JWT_SECRET }, undefined, { dbName: one.dbName });
});
afterAll(async () => {
  await two?.stop();
  await one?.stop();
});

/** The same signed-in caller, talking to the other process. */
const on = (api: TestApi, c: ApiClient) => Object.assign(new ApiClient(api.baseUrl), { accessToken: c.accessToken });
const ids = (res: { body: { items: { id?: string; doctorId?: string }[] } }) => res.body.items.map((i) => i.id ?? i.doctorId);

it('a doctor approved through one process is found and counted through the other at once', async () => {
  const admin = await signedInAdmin(one);
  const adminOnTwo = on(two, admin.c);
  const before = (await adminOnTwo.get('/api/v1/admin/kyc?status=approved')).body.counts.approved as number;

  const doctor = await approvedDoctor(one, admin.c, 'Dr Mirrored Across');
  const search = await new ApiClient(two.baseUrl).get('/api/v1/doctors?q=Mirrored%20Across');
  expect(ids(search)).toEqual([doctor.id]);
  const queue = await adminOnTwo.get('/api/v1/admin/kyc?status=approved&limit=100');
  expect(queue.body.counts.approved).toBe(before + 1);
  expect(ids(queue)).toContain(doctor.id);

  // Blocked through the second process: the first hides the doctor once the block's event is delivered.
  // (The approval's audit entry is placed when process one delivers it: settle it first, so the order is certain.)
  await settleSideEffects(one);
  expect((await adminOnTwo.post(`/api/v1/admin/users/${doctor.id}/block`, { reason: 'Reported twice' })).status).toBe(200);
  await settleSideEffects(two);
  expect(ids(await new ApiClient(one.baseUrl).get('/api/v1/doctors?q=Mirrored%20Across'))).toEqual([]);
  const audit = await admin.c.get(`/api/v1/admin/audit-log?targetId=${doctor.id}`);
  expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['user.block', 'kyc.approve']);
  expect(audit.body.total).toBe(2);
});

it('an account registered or blocked through one process is listed as such by the other at once', async () => {
  const admin = await signedInAdmin(two);
  const patient = await signedIn(one, 'patient', 'Mirrored Patient');
  const listed = await admin.c.get(`/api/v1/admin/users?q=${encodeURIComponent(patient.email)}`);
  expect(listed.body).toMatchObject({ total: 1, items: [{ id: patient.id, name: 'Mirrored Patient', blocked: false }] });

  expect((await on(one, admin.c).post(`/api/v1/admin/users/${patient.id}/block`, { reason: 'Abusive messages' })).status).toBe(
    200,
  );
  const after = await admin.c.get(`/api/v1/admin/users?role=patient&q=${encodeURIComponent(patient.email)}`);
  expect(after.body.items).toMatchObject([{ id: patient.id, blocked: true, blockedReason: 'Abusive messages' }]);
});
