import { randomUUID } from 'node:crypto';
import { PersonalDataExport } from '@doctime/contracts';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, newEmail, signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { approvedDoctor } from '../../../test-support/doctors.ts';
import { ApiClient } from '../../../test-support/http-client.ts';
import { latestCode, waitForMail } from '../../../test-support/mailpit.ts';
import { settleSideEffects } from '../../../test-support/outbox.ts';
import { plaintextIn } from '../../../test-support/raw-scan.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { ERASE_PERSONAL_DATA } from '../application/delete-my-account.ts';

/**
 * The patient's rights over their data, through the real API and database:
 * a zip of everything stored about them, and the account's deletion, after
 * which no byte of the database names them (checked by scanning every
 * document of every collection), while their doctors keep anonymised
 * appointments and get their time back.
 */
let api: TestApi;
let admin: ApiClient;
let doctor: Awaited<ReturnType<typeof approvedDoctor>>;
beforeAll(async () => {
  api = await startTestApi();
  admin = (await signedInAdmin(api)).c;
  doctor = await approvedDoctor(api, admin, 'Dr Keeper', { timeZone: 'Europe/London' });
  const hours = await doctor.c.put('/api/v1/doctors/me/availability', {
    timeZone: 'Europe/London',
    slotMinutes: 30,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  });
  expect(hours.status, hours.text).toBe(200);
});
afterAll(async () => {
  await api?.stop();
});

/** The date N days after the API's "now" (its clock may be moved on), YYYY-MM-DD in UTC. */
const daysAhead = (n: number) => new Date(api.clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

async function freeSlots(c: ApiClient, date: string) {
  const res = await c.get(`/api/v1/doctors/${doctor.id}/slots?from=${date}&to=${date}&tz=Europe/London`);
  expect(res.status, res.text).toBe(200);
  return (res.body.days[0]?.slots ?? []).map((s: { start: string }) => s.start) as string[];
}

/** A verified, signed-in patient whose every personal detail is unique to this test, so a scan can look for it. */
async function patientWithData() {
  const tag = randomUUID().slice(0, 8);
  const person = {
    name: `Quilla Vantablack ${tag}`,
    email: newEmail('rights'),
    phone: `+44 7700 ${String(parseInt(tag, 16) % 1_000_000).padStart(6, '0')}`,
    reason: `Recurring migraine ${tag}`,
    allergy: `Pollen ${tag}`,
    notes: `Sleeps badly ${tag}`,
  };
  const c = new ApiClient(api.baseUrl);
  const reg = await c.post('/api/v1/auth/register', {
    role: 'patient',
    name: person.name,
    email: person.email,
    password: PASSWORD,
    phone: person.phone,
  });
  expect(reg.status, reg.text).toBe(201);
  await c.post('/api/v1/auth/verify-email', { email: person.email, code: await latestCode(person.email, 'verification') });
  const login = await c.post('/api/v1/auth/login', { email: person.email, password: PASSWORD });
  c.accessToken = login.body.accessToken;
  const profile = await c.put('/api/v1/patients/me/profile', {
    allergies: [person.allergy],
    notes: person.notes,
    bloodGroup: 'AB-',
  });
  expect(profile.status, profile.text).toBe(200);
  return { c, id: login.body.user.id as string, ...person };
}

async function book(c: ApiClient, start: string, reason?: string) {
  const res = await c.post('/api/v1/appointments', { doctorId: doctor.id, start, ...(reason ? { reason } : {}) });
  expect(res.status, res.text).toBe(201);
  return res.body.appointment as { id: string; start: string };
}

/** GET /me/export as raw bytes (ApiClient reads text). */
async function exportZip(c: ApiClient) {
  const res = await fetch(`${api.baseUrl}/api/v1/me/export`, { headers: { authorization: `Bearer ${c.accessToken}` } });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const deleteAccount = (c: ApiClient, body: unknown) => c.request('DELETE', '/api/v1/me', body);

const PERSONAL = ['name', 'email', 'phone', 'reason', 'allergy', 'notes'] as const;

/** No document of any collection (raw BSON, as a stolen dump holds it) contains any of the person's details. */
async function expectNoTraceOf(person: { id: string } & Record<(typeof PERSONAL)[number], string>) {
  expect((await plaintextIn(api.db, [person.id])).length, 'the scan reads the accounts').toBeGreaterThan(0);
  expect(
    await plaintextIn(
      api.db,
      PERSONAL.map((field) => person[field]),
    ),
  ).toEqual([]);
}

describe('GET /api/v1/me/export', () => {
  it('is a zip of data.json (account, medical profile, appointments with their reasons), README.txt and prescriptions/', async () => {
    const patient = await patientWithData();
    const [start] = await freeSlots(patient.c, daysAhead(3));
    const booked = await book(patient.c, start!, patient.reason);
    const conversation = (await patient.c.post('/api/v1/conversations', { appointmentId: booked.id })).body.conversation;
    const said = await patient.c.post(`/api/v1/conversations/${conversation.id}/messages`, {
      clientId: randomUUID(),
      kind: 'text',
      text: `About the ${patient.reason}`,
    });
    expect(said.status, said.text).toBe(201);
    // The booking's notification is delivered from the outbox: the export shows what has been delivered.
    await settleSideEffects(api);

    const { res, bytes } = await exportZip(patient.c);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename=doctime-data-${api.clock.now().toISOString().slice(0, 10)}.zip`,
    );
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'data.json', 'prescriptions/']);
    expect(strFromU8(files['README.txt']!)).toContain('data.json');
    const data = PersonalDataExport.parse(JSON.parse(strFromU8(files['data.json']!)));
    expect(data.account).toMatchObject({
      id: patient.id,
      role: 'patient',
      name: patient.name,
      email: patient.email,
      phone: patient.phone,
      emailVerified: true,
    });
    expect(data.medicalProfile).toMatchObject({ allergies: [patient.allergy], notes: patient.notes, bloodGroup: 'AB-' });
    expect(data.appointments).toEqual([
      expect.objectContaining({
        id: booked.id,
        start: booked.start,
        status: 'confirmed',
        reason: patient.reason,
        doctor: expect.objectContaining({ name: 'Dr Keeper' }),
        history: [expect.objectContaining({ to: 'confirmed' })],
      }),
    ]);
    expect(data.prescriptions).toEqual([]);
    expect(data.notifications).toEqual([expect.objectContaining({ type: 'appointment.booked', link: expect.any(String) })]);
    expect(data.messages).toEqual([
      {
        conversationId: conversation.id,
        doctor: { id: doctor.id, name: 'Dr Keeper' },
        messages: [expect.objectContaining({ senderId: patient.id, kind: 'text', text: `About the ${patient.reason}` })],
      },
    ]);
  });

  it("refuses doctors (support exports a doctor's records) and anyone signed out", async () => {
    const res = await doctor.c.get('/api/v1/me/export');
    expect(res.status, res.text).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('support') });
    expect((await new ApiClient(api.baseUrl).get('/api/v1/me/export')).status).toBe(401);
  });
});

describe('DELETE /api/v1/me', () => {
  it('refuses bad input with field errors and changes nothing', async () => {
    const patient = await patientWithData();
    const cases: [body: unknown, field: string][] = [
      [{ password: 'not the password at all', confirm: 'DELETE' }, 'password'],
      [{ password: PASSWORD }, 'confirm'],
      [{ password: PASSWORD, confirm: 'delete' }, 'confirm'],
      [{ confirm: 'DELETE' }, 'password'],
      [{ password: '', confirm: 'DELETE' }, 'password'],
    ];
    for (const [body, field] of cases) {
      const res = await deleteAccount(patient.c, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.error.details.fieldErrors), JSON.stringify(body)).toEqual([field]);
    }
    expect((await deleteAccount(doctor.c, { password: PASSWORD, confirm: 'DELETE' })).status).toBe(403);
    expect(
      (await new ApiClient(api.baseUrl).request('DELETE', '/api/v1/me', { password: PASSWORD, confirm: 'DELETE' })).status,
    ).toBe(401);
    await settleSideEffects(api);
    // Nothing changed: the account, its profile and its sign-in are all still there.
    expect((await patient.c.get('/api/v1/me')).body.user).toMatchObject({ name: patient.name, phone: patient.phone });
    expect((await patient.c.get('/api/v1/patients/me/profile')).body.profile).toMatchObject({ allergies: [patient.allergy] });
    expect(
      (await new ApiClient(api.baseUrl).post('/api/v1/auth/login', { email: patient.email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('signs the patient out for good, anonymises past appointments, cancels upcoming ones and leaves no personal data', async () => {
    const patient = await patientWithData();
    const [pastStart] = await freeSlots(patient.c, daysAhead(1));
    const past = await book(patient.c, pastStart!, patient.reason);
    const conversationId = (await patient.c.post('/api/v1/conversations', { appointmentId: past.id })).body.conversation.id;
    const chat = `/api/v1/conversations/${conversationId}/messages`;
    expect((await patient.c.post(chat, { clientId: randomUUID(), kind: 'text', text: patient.notes })).status).toBe(201);
    expect((await doctor.c.post(chat, { clientId: randomUUID(), kind: 'text', text: 'Noted, see you soon' })).status).toBe(201);
    const upcomingDate = daysAhead(6);
    const [upcomingStart] = await freeSlots(patient.c, upcomingDate);
    const upcoming = await book(patient.c, upcomingStart!, `${patient.reason} again`);
    // Two days on, the first appointment has taken place.
    api.clock.advance(2 * 86_400_000);
    expect((await doctor.c.post(`/api/v1/appointments/${past.id}/complete`)).status).toBe(200);
    const cookieBefore = patient.c.cookie;

    const since = new Date();
    const res = await deleteAccount(patient.c, { password: PASSWORD, confirm: 'DELETE' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ ok: true });
    // Signed out at once, before the rest is erased: no request, no refresh, no login.
    expect((await patient.c.get('/api/v1/me')).status).toBe(401);
    await settleSideEffects(api);
    expect((await deleteAccount(patient.c, { password: PASSWORD, confirm: 'DELETE' })).status).toBe(401);
    patient.c.cookie = cookieBefore;
    expect((await patient.c.post('/api/v1/auth/refresh')).status).toBe(401);
    const login = await new ApiClient(api.baseUrl).post('/api/v1/auth/login', { email: patient.email, password: PASSWORD });
    expect(login.status).toBe(401);

    // The doctor keeps the past appointment, without the patient.
    const seen = (await doctor.c.get(`/api/v1/appointments/${past.id}`)).body.appointment;
    expect(seen).toMatchObject({ status: 'completed', patient: { id: patient.id, name: 'Deleted patient' } });
    expect(seen).not.toHaveProperty('reason');
    const pastList = (await doctor.c.get('/api/v1/appointments?scope=past&limit=100')).body.items;
    expect(pastList.find((a: { id: string }) => a.id === past.id)).toMatchObject({ patient: { name: 'Deleted patient' } });
    // The upcoming one is cancelled, the doctor told why, and the time free for someone else.
    const cancelled = (await doctor.c.get(`/api/v1/appointments/${upcoming.id}`)).body.appointment;
    expect(cancelled).toMatchObject({ status: 'cancelled', patient: { name: 'Deleted patient' } });
    expect(cancelled.history.at(-1)).toMatchObject({ to: 'cancelled', reason: 'Patient deleted their account' });
    expect(JSON.stringify(cancelled)).not.toContain(patient.reason);
    expect((await waitForMail(doctor.email, 'Appointment cancelled', since)).Text).toContain('Patient deleted their account');
    const other = await signedIn(api, 'patient');
    expect(await freeSlots(other.c, upcomingDate)).toContain(upcomingStart);
    await book(other.c, upcomingStart!);

    // The medical profile's values are gone from every version.
    const versions = await api.db.collection('medical_profiles_versions').find({ recordId: patient.id }).toArray();
    expect(versions.length).toBeGreaterThan(1);
    expect(versions.filter((v) => v['value'] !== undefined)).toHaveLength(1); // the erased, empty one
    expect(await api.container.patients.useCases.getMedicalProfile(patient.id)).toMatchObject({
      allergies: [],
      conditions: [],
      medications: [],
    });
    await expectNoTraceOf(patient);
    // Their notifications (which named the doctor and times) keep neither title nor body.
    const notices = await api.container.notifications.useCases.exportNotifications(patient.id);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.map((n) => [n.title, n.body])).toEqual(notices.map(() => ['', '']));
    // The conversation is gone for the doctor too (nothing more can be posted), and its messages lost their text.
    expect((await doctor.c.get(chat)).status).toBe(404);
    const late = await doctor.c.post(chat, { clientId: randomUUID(), kind: 'text', text: 'Are you still there?' });
    expect(late.status, late.text).toBe(404);
    expect((await doctor.c.get('/api/v1/conversations')).body.items.map((c: { id: string }) => c.id)).not.toContain(
      conversationId,
    );
    const stored = await api.db.collection('messages').find({ key: conversationId }).toArray();
    expect(stored.map((m) => Object.keys(m['entry']).sort())).toEqual([
      ['clientId', 'createdAt', 'erased', 'kind', 'senderId', 'uid'],
      ['clientId', 'createdAt', 'erased', 'kind', 'senderId', 'uid'],
    ]);

    // The address is free: it may sign up again, as a new account.
    const again = await new ApiClient(api.baseUrl).post('/api/v1/auth/register', {
      role: 'patient',
      name: 'Someone New',
      email: patient.email,
      password: PASSWORD,
    });
    expect(again.status, again.text).toBe(201);
    expect(again.body.user.id).not.toBe(patient.id);
  });

  it('a deletion that fails halfway is finished by the outbox, and running it again changes nothing', async () => {
    const patient = await patientWithData();
    const [start] = await freeSlots(patient.c, daysAhead(5));
    const booked = await book(patient.c, start!, patient.reason);
    // The first delivery erases the profile, then the process "crashes".
    let calls = 0;
    api.container.outbox.register(ERASE_PERSONAL_DATA, async (payload) => {
      calls += 1;
      if (calls > 1) return api.container.privacy.useCases.erasePersonalData(String(payload['userId']));
      await api.container.patients.useCases.eraseMedicalProfile(String(payload['userId']));
      throw new Error('the process stopped halfway');
    });
    try {
      expect((await deleteAccount(patient.c, { password: PASSWORD, confirm: 'DELETE' })).status).toBe(200);
      await api.container.outbox.drain();
      expect(calls).toBe(1);
      expect((await doctor.c.get(`/api/v1/appointments/${booked.id}`)).body.appointment.status).toBe('confirmed');
      api.clock.advance(10_000); // the retry is due
      await settleSideEffects(api);
      expect(calls).toBe(2);
    } finally {
      api.container.outbox.register(ERASE_PERSONAL_DATA, ({ userId }) =>
        api.container.privacy.useCases.erasePersonalData(String(userId)),
      );
    }
    expect((await doctor.c.get(`/api/v1/appointments/${booked.id}`)).body.appointment).toMatchObject({
      status: 'cancelled',
      patient: { name: 'Deleted patient' },
    });
    await api.container.privacy.useCases.erasePersonalData(patient.id);
    await api.container.identity.useCases.finishAccountErasure({ userId: patient.id, email: patient.email });
    await settleSideEffects(api);
    await expectNoTraceOf(patient);
  });

  it('racing a booking and a profile save of the same patient, leaves no personal data and no confirmed appointment', async () => {
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // The booking and the save start at the deletion, or up to its commit and its erasure's run.
    for (const [round, delayMs] of [0, 40, 120].entries()) {
      const patient = await patientWithData();
      const date = daysAhead(8 + round);
      const [start] = await freeSlots(patient.c, date);
      const [deletion, booking, save] = await Promise.all([
        deleteAccount(patient.c, { password: PASSWORD, confirm: 'DELETE' }),
        later(delayMs).then(() => patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start, reason: patient.reason })),
        later(delayMs).then(() =>
          patient.c.put('/api/v1/patients/me/profile', { allergies: [patient.allergy, `${patient.allergy} dust`] }),
        ),
      ]);
      expect(deletion.status, deletion.text).toBe(200);
      // Booked before the deletion (then cancelled by it), or refused: signed out (401), or the
      // account found gone once signed in (404), or undone once stored (401).
      expect([201, 401, 404], booking.text).toContain(booking.status);
      expect([200, 401, 409], save.text).toContain(save.status);
      await settleSideEffects(api);
      const heads = await api.db.collection('appointments').find({ patientId: patient.id }).toArray();
      expect(heads.filter((a) => a['status'] === 'confirmed')).toEqual([]);
      expect(await freeSlots(doctor.c, date)).toContain(start);
      await expectNoTraceOf(patient);
    }
  });
});
