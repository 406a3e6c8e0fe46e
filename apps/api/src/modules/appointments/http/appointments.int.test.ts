import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, newEmail, signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { approvedDoctor } from '../../../test-support/doctors.ts';
import { ApiClient } from '../../../test-support/http-client.ts';
import { waitForMail } from '../../../test-support/mailpit.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';

let api: TestApi;
let admin: ApiClient;
beforeAll(async () => {
  api = await startTestApi();
  admin = (await signedInAdmin(api)).c;
});
afterAll(async () => {
  await api?.stop();
});

/** A date N days ahead as YYYY-MM-DD (UTC calendar). */
const daysAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const allWeek = (start = '09:00', end = '17:00') => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

function expectError(res: { status: number; body: any; text: string }, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.body.error.code).toBe(code);
}

async function doctorWithHours(name: string, rules: Record<string, unknown> = {}) {
  const doctor = await approvedDoctor(api, admin, name, { timeZone: 'Europe/London' });
  const res = await doctor.c.put('/api/v1/doctors/me/availability', {
    timeZone: 'Europe/London',
    slotMinutes: 30,
    weekly: allWeek(),
    ...rules,
  });
  expect(res.status, res.text).toBe(200);
  return doctor;
}

async function slotsOn(c: ApiClient, doctorId: string, date: string, tz = 'Europe/London') {
  const res = await c.get(`/api/v1/doctors/${doctorId}/slots?from=${date}&to=${date}&tz=${encodeURIComponent(tz)}`);
  expect(res.status, res.text).toBe(200);
  return (res.body.days[0]?.slots ?? []).map((s: { start: string }) => s.start) as string[];
}

/** Many verified, signed-in patients, made through the identity use cases to keep the test quick. */
async function manyPatients(n: number) {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const email = newEmail(`racer${i}`);
      const user = await api.container.identity.useCases.register({
        role: 'patient',
        name: `Racer ${i}`,
        email,
        password: PASSWORD,
      });
      await api.db.collection('users').updateOne({ _id: user.id as never }, { $set: { emailVerified: true } });
      const c = new ApiClient(api.baseUrl);
      c.accessToken = (await c.post('/api/v1/auth/login', { email, password: PASSWORD })).body.accessToken;
      return { c, id: user.id };
    }),
  );
}

describe('availability and slots', () => {
  it('lets only approved doctors publish hours, and validates them', async () => {
    const pending = await signedIn(api, 'doctor');
    expectError(
      await pending.c.put('/api/v1/doctors/me/availability', { timeZone: 'Europe/London', slotMinutes: 30, weekly: allWeek() }),
      403,
      'FORBIDDEN',
    );
    const doctor = await doctorWithHours('Dr Rules');
    const bad = await doctor.c.put('/api/v1/doctors/me/availability', {
      timeZone: 'Nowhere/City',
      slotMinutes: 7,
      weekly: [{ weekday: 8, start: '09:00', end: '08:00' }],
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(Object.keys(bad.body.error.details.fieldErrors)).toEqual(expect.arrayContaining(['timeZone', 'slotMinutes']));
    const saved = await doctor.c.get('/api/v1/doctors/me/availability');
    expect(saved.body).toMatchObject({ timeZone: 'Europe/London', slotMinutes: 30, minNoticeMinutes: 120, maxAdvanceDays: 60 });
    const preview = await doctor.c.get('/api/v1/doctors/me/availability/preview?days=14');
    expect(preview.body.days.length).toBeGreaterThanOrEqual(13);
  });

  it("lists free slots grouped by the viewer's dates, and 404 for doctors who are not listed", async () => {
    const doctor = await doctorWithHours('Dr Slots');
    const patient = await signedIn(api, 'patient');
    const date = daysAhead(3);
    const london = await slotsOn(patient.c, doctor.id, date);
    expect(london).toHaveLength(16);
    const res = await patient.c.get(`/api/v1/doctors/${doctor.id}/slots?from=${date}&to=${date}&tz=Asia/Tokyo`);
    expect(res.body.timeZone).toBe('Asia/Tokyo');
    // 09:00-17:00 London is evening-to-night in Tokyo: all of it on one Tokyo date.
    for (const day of res.body.days) expect(day.date).toBe(date);
    expectError(
      await patient.c.get(`/api/v1/doctors/${(await signedIn(api, 'doctor')).id}/slots?from=${date}&to=${date}&tz=UTC`),
      404,
      'NOT_FOUND',
    );
    expectError(
      await patient.c.get(`/api/v1/doctors/${doctor.id}/slots?from=${date}&to=2030-01-01&tz=UTC`),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('booking', () => {
  it('50 patients racing for one slot: exactly one 201, 49 × 409, one appointment', async () => {
    const doctor = await doctorWithHours('Dr Popular');
    const patients = await manyPatients(50);
    const start = (await slotsOn(patients[0]!.c, doctor.id, daysAhead(4)))[0]!;
    const results = await Promise.all(patients.map((p) => p.c.post('/api/v1/appointments', { doctorId: doctor.id, start })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.error.code).toBe('SLOT_UNAVAILABLE');
    expect(await api.db.collection('appointments').countDocuments({ doctorId: doctor.id })).toBe(1);
    expect(await slotsOn(patients[0]!.c, doctor.id, daysAhead(4))).not.toContain(start);
  });

  it('books, mails both sides with an .ics, and hides the slot; an unlisted start is 409', async () => {
    const doctor = await doctorWithHours('Dr Booked');
    const patient = await signedIn(api, 'patient', 'Pat Booker');
    const date = daysAhead(5);
    const [start] = await slotsOn(patient.c, doctor.id, date);
    const res = await patient.c.post('/api/v1/appointments', {
      doctorId: doctor.id,
      start,
      reason: 'Persistent cough',
      timeZone: 'America/New_York',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.appointment).toMatchObject({ doctorId: doctor.id, patientId: patient.id, start, status: 'confirmed' });
    expect(new Date(res.body.appointment.end).getTime() - new Date(start!).getTime()).toBe(30 * 60_000);

    const mail = await waitForMail(patient.email, 'Appointment confirmed');
    expect(mail.Attachments.map((a) => a.FileName)).toContain('appointment.ics');
    expect(mail.Subject).toContain('America/New_York');
    await waitForMail(doctor.email, 'Appointment confirmed');

    const ics = await patient.c.get(`/api/v1/appointments/${res.body.appointment.id}/calendar.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.text).toContain(`UID:${res.body.appointment.id}@doctime`);
    expect(ics.text).toContain('METHOD:REQUEST');

    const offGrid = new Date(new Date(start!).getTime() + 10 * 60_000).toISOString();
    expectError(await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start: offGrid }), 409, 'SLOT_UNAVAILABLE');
    const tooSoon = new Date(Date.now() + 30 * 60_000).toISOString();
    expectError(await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start: tooSoon }), 409, 'SLOT_UNAVAILABLE');
    expectError(
      await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start: 'tomorrow' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await doctor.c.post('/api/v1/appointments', { doctorId: doctor.id, start }), 403, 'FORBIDDEN');
    expect(await api.db.collection('appointments').countDocuments({ doctorId: doctor.id })).toBe(1);
  });

  it('a patient cannot hold two overlapping appointments with two doctors', async () => {
    const a = await doctorWithHours('Dr Overlap A');
    const b = await doctorWithHours('Dr Overlap B');
    const patient = await signedIn(api, 'patient');
    const date = daysAhead(6);
    const start = (await slotsOn(patient.c, a.id, date))[2]!;
    expect((await patient.c.post('/api/v1/appointments', { doctorId: a.id, start })).status).toBe(201);
    expectError(await patient.c.post('/api/v1/appointments', { doctorId: b.id, start }), 409, 'SLOT_UNAVAILABLE');
    expect(await slotsOn(patient.c, b.id, date)).toContain(start); // the other doctor's time was given back
  });

  it('replays the first result for a repeated Idempotency-Key, and refuses the key with another body (422)', async () => {
    const doctor = await doctorWithHours('Dr Idempotent');
    const patient = await signedIn(api, 'patient');
    const [s1, s2] = await slotsOn(patient.c, doctor.id, daysAhead(7));
    const key = randomUUID();
    const first = await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start: s1 }, { 'idempotency-key': key });
    const retry = await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start: s1 }, { 'idempotency-key': key });
    const changedBody = await patient.c.post(
      '/api/v1/appointments',
      { doctorId: doctor.id, start: s2 },
      { 'idempotency-key': key },
    );
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.appointment.id).toBe(first.body.appointment.id);
    expectError(changedBody, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await api.db.collection('appointments').countDocuments({ doctorId: doctor.id })).toBe(1);
    expectError(
      await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start: s2 }, { 'idempotency-key': 'short' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('includes the buffer: the next slot starts after slot + buffer', async () => {
    const doctor = await doctorWithHours('Dr Buffer', { slotMinutes: 20, bufferMinutes: 10 });
    const patient = await signedIn(api, 'patient');
    const slots = await slotsOn(patient.c, doctor.id, daysAhead(3));
    expect(new Date(slots[1]!).getTime() - new Date(slots[0]!).getTime()).toBe(30 * 60_000);
  });
});

describe('changes and lifecycle', () => {
  it('cancel frees the time at once and sends METHOD:CANCEL; rebooking succeeds', async () => {
    const doctor = await doctorWithHours('Dr Cancel');
    const patient = await signedIn(api, 'patient');
    const date = daysAhead(8);
    const [start] = await slotsOn(patient.c, doctor.id, date);
    const booked = (await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start })).body.appointment;
    expectError(await patient.c.post(`/api/v1/appointments/${booked.id}/cancel`, {}), 400, 'VALIDATION_FAILED');
    const cancelled = await patient.c.post(`/api/v1/appointments/${booked.id}/cancel`, { reason: 'Feeling better' });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.appointment.status).toBe('cancelled');
    expect(await slotsOn(patient.c, doctor.id, date)).toContain(start);
    const mail = await waitForMail(doctor.email, 'Appointment cancelled');
    expect(mail.Text).toContain('Feeling better');
    const ics = await patient.c.get(`/api/v1/appointments/${booked.id}/calendar.ics`);
    expect(ics.text).toContain('METHOD:CANCEL');
    expect(ics.text).toContain('SEQUENCE:1');

    const other = await signedIn(api, 'patient');
    expect((await other.c.post('/api/v1/appointments', { doctorId: doctor.id, start })).status).toBe(201);
    expectError(await patient.c.post(`/api/v1/appointments/${booked.id}/cancel`, { reason: 'Again please' }), 409, 'CONFLICT');
  });

  it('reschedule claims the new time and frees the old', async () => {
    const doctor = await doctorWithHours('Dr Move');
    const patient = await signedIn(api, 'patient');
    const date = daysAhead(9);
    const [first, second] = await slotsOn(patient.c, doctor.id, date);
    const booked = (await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start: first })).body.appointment;
    const moved = await patient.c.post(`/api/v1/appointments/${booked.id}/reschedule`, { start: second });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.appointment.start).toBe(second);
    const free = await slotsOn(patient.c, doctor.id, date);
    expect(free).toContain(first);
    expect(free).not.toContain(second);
    expect(await api.db.collection('time_claims').countDocuments({ holdId: booked.id })).toBe(12); // 6 doctor cells + 6 patient cells
    expectError(await doctor.c.post(`/api/v1/appointments/${booked.id}/reschedule`, { start: first }), 403, 'FORBIDDEN');
    await waitForMail(patient.email, 'Appointment rescheduled');
  });

  it('enforces the 4-hour policy window and lets the doctor close only started appointments', async () => {
    const doctor = await doctorWithHours('Dr Policy', { minNoticeMinutes: 0 });
    const patient = await signedIn(api, 'patient');
    const [start] = await slotsOn(patient.c, doctor.id, daysAhead(2));
    const booked = (await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start })).body.appointment;
    expectError(await doctor.c.post(`/api/v1/appointments/${booked.id}/complete`), 409, 'CONFLICT');

    const untilStart = new Date(start!).getTime() - Date.now();
    api.clock.advance(untilStart - 3 * 3_600_000); // three hours before the start
    try {
      expectError(await patient.c.post(`/api/v1/appointments/${booked.id}/cancel`, { reason: 'Too late now' }), 409, 'CONFLICT');
      api.clock.advance(3 * 3_600_000 + 60_000); // just after the start
      expectError(await patient.c.post(`/api/v1/appointments/${booked.id}/complete`), 403, 'FORBIDDEN');
      const done = await doctor.c.post(`/api/v1/appointments/${booked.id}/complete`);
      expect(done.status, done.text).toBe(200);
      expect(done.body.appointment.status).toBe('completed');
      expectError(await doctor.c.post(`/api/v1/appointments/${booked.id}/no-show`), 409, 'CONFLICT');
      const past = await patient.c.get('/api/v1/appointments?scope=past');
      expect(past.body.items.map((a: { id: string }) => a.id)).toContain(booked.id);
    } finally {
      api.clock.offsetMs = 0;
    }
  });

  it('shows appointments only to their patient, their doctor and admins', async () => {
    const doctor = await doctorWithHours('Dr Private');
    const patient = await signedIn(api, 'patient');
    const [start] = await slotsOn(patient.c, doctor.id, daysAhead(10));
    const booked = (await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start })).body.appointment;
    expect((await patient.c.get(`/api/v1/appointments/${booked.id}`)).status).toBe(200);
    expect((await doctor.c.get(`/api/v1/appointments/${booked.id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/appointments/${booked.id}`)).status).toBe(200);
    const stranger = await signedIn(api, 'patient');
    const otherDoctor = await signedIn(api, 'doctor');
    for (const c of [stranger.c, otherDoctor.c]) {
      expectError(await c.get(`/api/v1/appointments/${booked.id}`), 404, 'NOT_FOUND');
      expectError(await c.get(`/api/v1/appointments/${booked.id}/calendar.ics`), 404, 'NOT_FOUND');
      expectError(await c.post(`/api/v1/appointments/${booked.id}/cancel`, { reason: 'Not mine' }), 404, 'NOT_FOUND');
    }
    expect((await stranger.c.get('/api/v1/appointments')).body.items).toEqual([]);
    const upcoming = await doctor.c.get('/api/v1/appointments?scope=upcoming');
    expect(upcoming.body.items.map((a: { id: string }) => a.id)).toEqual([booked.id]);
    expect(upcoming.body.items[0].patient.name).toBe(patient.name);
  });

  it("lists the patient's earlier appointments with the same doctor, newest first, to that patient and doctor only", async () => {
    const doctor = await doctorWithHours('Dr Earlier');
    const elsewhere = await doctorWithHours('Dr Elsewhere');
    const patient = await signedIn(api, 'patient');
    const someoneElse = await signedIn(api, 'patient');
    const bookOn = async (c: ApiClient, doctorId: string, days: number, nth = 0) => {
      const start = (await slotsOn(c, doctorId, daysAhead(days)))[nth];
      const res = await c.post('/api/v1/appointments', { doctorId, start });
      expect(res.status, res.text).toBe(201);
      return res.body.appointment.id as string;
    };
    const first = await bookOn(patient.c, doctor.id, 11);
    const second = await bookOn(patient.c, doctor.id, 12);
    await bookOn(patient.c, elsewhere.id, 12, 4);
    await bookOn(someoneElse.c, doctor.id, 12, 2);
    const current = await bookOn(patient.c, doctor.id, 13);
    await bookOn(patient.c, doctor.id, 14);

    for (const c of [patient.c, doctor.c]) {
      const res = await c.get(`/api/v1/appointments/${current}/earlier`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.items.map((a: { id: string }) => a.id)).toEqual([second, first]);
    }
    const none = await patient.c.get(`/api/v1/appointments/${first}/earlier`);
    expect(none.body.items).toEqual([]);
    for (const c of [someoneElse.c, elsewhere.c]) {
      expectError(await c.get(`/api/v1/appointments/${current}/earlier`), 404, 'NOT_FOUND');
    }
    expectError(await admin.get(`/api/v1/appointments/${current}/earlier`), 403, 'FORBIDDEN');
  });
});

describe('search and recovery', () => {
  it('availableOn finds doctors with a free slot that day', async () => {
    const open = await doctorWithHours('Dr Openday');
    const closed = await doctorWithHours('Dr Closedday', { overrides: [{ date: daysAhead(11), unavailable: true }] });
    const patient = await signedIn(api, 'patient');
    const res = await patient.c.get(`/api/v1/doctors?q=day&availableOn=${daysAhead(11)}&tz=Europe/London&limit=50`);
    const found = res.body.items.map((d: { id: string }) => d.id);
    expect(found).toContain(open.id);
    expect(found).not.toContain(closed.id);
    // Days nobody can book (long past, beyond every horizon) find nobody, without computing their slots.
    for (const day of ['0020-02-29', '2019-01-01', '9999-12-31']) {
      const none = await patient.c.get(`/api/v1/doctors?q=day&availableOn=${day}&tz=Africa/Abidjan`);
      expect(none.status, none.text).toBe(200);
      expect(none.body.items).toEqual([]);
    }
  });

  it('availableOn drops a doctor whose day is booked out and follows changed hours at once', async () => {
    const date = daysAhead(13);
    const oneSlot = { overrides: [{ date, intervals: [{ start: '10:00', end: '10:30' }] }] };
    const doctor = await doctorWithHours('Dr Fullday', oneSlot);
    const patient = await signedIn(api, 'patient');
    const found = async () => {
      const res = await patient.c.get(`/api/v1/doctors?q=fullday&availableOn=${date}&tz=Europe/London`);
      expect(res.status, res.text).toBe(200);
      return res.body.items.map((d: { id: string }) => d.id);
    };
    expect(await found()).toEqual([doctor.id]);
    const [start] = await slotsOn(patient.c, doctor.id, date);
    expect((await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start })).status).toBe(201);
    expect(await found()).toEqual([]);
    const longer = { ...oneSlot, overrides: [{ date, intervals: [{ start: '10:00', end: '11:30' }] }] };
    expect(
      (
        await doctor.c.put('/api/v1/doctors/me/availability', {
          timeZone: 'Europe/London',
          slotMinutes: 30,
          weekly: allWeek(),
          ...longer,
        })
      ).status,
    ).toBe(200);
    expect(await found()).toEqual([doctor.id]);
  });

  it('concurrent saves of one doctor’s hours all commit in some order; the last stays, and search and slots follow it', async () => {
    const doctor = await doctorWithHours('Dr Manyhours');
    const date = daysAhead(15);
    // Save i offers slots on `date` only when i is even, of 15 + 5i minutes.
    const saves = Array.from({ length: 8 }, (_, i) => ({
      timeZone: 'Europe/London',
      slotMinutes: 15 + 5 * i,
      weekly: allWeek(),
      overrides: i % 2 ? [{ date, unavailable: true }] : [],
    }));
    const results = await Promise.all(saves.map((rules) => doctor.c.put('/api/v1/doctors/me/availability', rules)));
    expect(results.map((r) => r.status)).toEqual(saves.map(() => 200));
    const versions = await api.db
      .collection<{ _id: string; value: any }>('availability_versions')
      .find({ recordId: doctor.id })
      .toArray();
    expect(versions.map((v) => v._id).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `${doctor.id}:${i + 1}`).sort());
    const last = versions.find((v) => v._id === `${doctor.id}:9`)!.value.rules;
    expect((await doctor.c.get('/api/v1/doctors/me/availability')).body).toMatchObject({ slotMinutes: last.slotMinutes });
    const listed = (await doctor.c.get(`/api/v1/doctors?q=manyhours&availableOn=${date}&tz=Europe/London`)).body.items;
    expect(listed.length).toBe(last.overrides.length ? 0 : 1);
    const slots = await slotsOn(doctor.c, doctor.id, date);
    if (slots.length > 1) expect(Date.parse(slots[1]!) - Date.parse(slots[0]!)).toBe(last.slotMinutes * 60_000);
    else expect(last.overrides.length).toBe(1);
  });

  it('the reconciler releases claims whose booking never got saved', async () => {
    const doctor = await doctorWithHours('Dr Orphan');
    const patient = await signedIn(api, 'patient');
    const date = daysAhead(12);
    const [start] = await slotsOn(patient.c, doctor.id, date);
    // Simulate a crash after claiming: claims exist, the appointment does not.
    await api.container.scheduling.useCases.claimTime({
      doctorId: doctor.id,
      patientId: patient.id,
      start: new Date(start!),
      holdId: 'crashed-booking',
    });
    expect(await slotsOn(patient.c, doctor.id, date)).not.toContain(start);
    api.clock.advance(10 * 60_000);
    try {
      expect(await api.container.appointments.useCases.reconcileClaims()).toBeGreaterThanOrEqual(1);
    } finally {
      api.clock.offsetMs = 0;
    }
    expect(await slotsOn(patient.c, doctor.id, date)).toContain(start);
  });
});
