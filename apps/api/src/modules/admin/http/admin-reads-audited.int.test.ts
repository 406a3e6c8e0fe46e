import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLogger } from '../../../platform/logger.ts';
import { makeOutbox } from '../../../platform/outbox/outbox.ts';
import { signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { approvedDoctor } from '../../../test-support/doctors.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { settleSideEffects } from '../../../test-support/outbox.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { auditEffect } from '../application/audit-effect.ts';
import { makeOutboxReadAudit } from '../infrastructure/outbox-read-audit.ts';

/**
 * Issue 10: every read of another person's health data by an admin leaves an
 * audit entry (who, what, when, from which address), recorded before the data
 * is answered; participants reading their own appointment leave none.
 */

const ADMIN_IP = '203.0.113.9';
let api: TestApi;
let admin: { c: ApiClient; id: string };
beforeAll(async () => {
  // One trusted proxy: the client address is the one it forwards.
  api = await startTestApi({ TRUST_PROXY: '1' });
  admin = await signedInAdmin(api);
});
afterAll(async () => {
  await api?.stop();
});

const asAdmin = (path: string) => admin.c.request('GET', path, undefined, { 'x-forwarded-for': ADMIN_IP });

/** The audit log as an admin filters it, once every side effect is delivered. */
async function auditLog(query: string) {
  await settleSideEffects(api);
  const res = await admin.c.get(`/api/v1/admin/audit-log?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body as { items: { id: string; actorId: string; action: string; targetId: string; at: string; ip?: string }[] };
}

async function bookedAppointment() {
  const doctor = await approvedDoctor(api, admin.c, 'Dr Audited Reads', { timeZone: 'Europe/London' });
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  const hours = await doctor.c.put('/api/v1/doctors/me/availability', { timeZone: 'Europe/London', slotMinutes: 30, weekly });
  expect(hours.status, hours.text).toBe(200);
  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const slots = await doctor.c.get(`/api/v1/doctors/${doctor.id}/slots?from=${date}&to=${date}&tz=Europe%2FLondon`);
  const patient = await signedIn(api, 'patient');
  const start = slots.body.days[0].slots[0].start as string;
  const booked = await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start, reason: 'Chest pain at night' });
  expect(booked.status, booked.text).toBe(201);
  return { doctor, patient, id: booked.body.appointment.id as string };
}

describe("an admin's reads of health data are audited", () => {
  it('records one kyc.view per view of a KYC submission, with who, what, when and from where', async () => {
    const doctor = await approvedDoctor(api, admin.c, 'Dr Kyc Viewed');
    // The approval's entry is placed when its delivery runs: settle it first, so the order below is certain.
    await settleSideEffects(api);
    const before = Date.now();
    const details = await asAdmin(`/api/v1/admin/doctors/${doctor.id}/kyc`);
    expect(details.status, details.text).toBe(200);
    expect(details.body.documents.identity.url).toBeTruthy();

    const views = (await auditLog(`targetId=${doctor.id}&action=kyc.view`)).items;
    expect(views).toEqual([
      {
        id: expect.any(String),
        actorId: admin.id,
        actorName: 'Test Admin',
        action: 'kyc.view',
        targetId: doctor.id,
        at: expect.any(String),
        ip: ADMIN_IP,
      },
    ]);
    expect(Date.parse(views[0]!.at)).toBeGreaterThanOrEqual(before - 1_000);
    // Its decision is still there, as the decision it was.
    expect((await auditLog(`targetId=${doctor.id}`)).items.map((e) => e.action)).toEqual(['kyc.view', 'kyc.approve']);
    // An unknown doctor is answered 404 and audits nothing.
    expect((await asAdmin('/api/v1/admin/doctors/no-such-doctor/kyc')).status).toBe(404);
    expect((await auditLog('targetId=no-such-doctor')).items).toEqual([]);
  });

  it("records appointment.view when an admin reads an appointment's details or calendar file, and nothing for its patient and doctor", async () => {
    const { doctor, patient, id } = await bookedAppointment();
    expect((await patient.c.get(`/api/v1/appointments/${id}`)).status).toBe(200);
    expect((await doctor.c.get(`/api/v1/appointments/${id}`)).status).toBe(200);
    expect((await patient.c.get(`/api/v1/appointments/${id}/calendar.ics`)).status).toBe(200);
    expect((await auditLog(`targetId=${id}`)).items).toEqual([]);

    const read = await asAdmin(`/api/v1/appointments/${id}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.appointment.reason).toBe('Chest pain at night');
    expect((await auditLog(`targetId=${id}`)).items).toEqual([
      {
        id: expect.any(String),
        actorId: admin.id,
        actorName: 'Test Admin',
        action: 'appointment.view',
        targetId: id,
        at: expect.any(String),
        ip: ADMIN_IP,
      },
    ]);

    expect((await asAdmin(`/api/v1/appointments/${id}/calendar.ics`)).status).toBe(200);
    const byAction = (await auditLog(`action=appointment.view`)).items.filter((e) => e.targetId === id);
    expect(byAction.map((e) => [e.action, e.actorId, e.ip])).toEqual([
      ['appointment.view', admin.id, ADMIN_IP],
      ['appointment.view', admin.id, ADMIN_IP],
    ]);
    // An unknown appointment is answered 404 and audits nothing.
    expect((await asAdmin('/api/v1/appointments/no-such-appointment')).status).toBe(404);
    expect((await auditLog('targetId=no-such-appointment')).items).toEqual([]);
  });

  it("delivers a read's entry from another process when the reading process's own delivery fails", async () => {
    // An outbox with no handler: its immediate delivery fails, like a process that stops after recording the read.
    const failing = makeOutbox(api.db, makeLogger('silent'));
    const readId = randomUUID();
    const targetId = `appointment-${readId}`;
    const effect = auditEffect({ userId: admin.id, ip: ADMIN_IP }, { action: 'appointment.view', targetId, at: new Date() });
    await makeOutboxReadAudit(api.db, failing).record(readId, effect);
    await failing.drain();
    // The API's own poll loop finds the read's marker (its commit) and delivers it once.
    await settleSideEffects(api, 10_000);
    expect((await auditLog(`targetId=${targetId}`)).items).toEqual([
      expect.objectContaining({ id: `${readId}:0`, action: 'appointment.view', actorId: admin.id, ip: ADMIN_IP }),
    ]);
  });
});
