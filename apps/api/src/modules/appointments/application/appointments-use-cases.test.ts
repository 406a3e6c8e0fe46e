import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/app-error.ts';
import { makeFakeAppointmentsDeps } from './appointments.fakes.ts';
import { makeAppointmentsUseCases } from './use-cases.ts';

const start = new Date('2026-03-05T10:00:00Z');
const patient = { userId: 'p1', role: 'patient' };

async function rejection(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('bookAppointment', () => {
  it('books a confirmed appointment and mails both sides', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const a = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, reason: 'Cough' });
    expect(a).toMatchObject({
      status: 'confirmed',
      start: start.toISOString(),
      end: '2026-03-05T10:30:00.000Z',
      reason: 'Cough',
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.mails.map((m) => m.to).sort()).toEqual(['d1@x.test', 'p1@x.test']);
  });

  it('refuses unknown or unlisted doctors with NOT_FOUND', async () => {
    const uc = makeAppointmentsUseCases(makeFakeAppointmentsDeps().deps);
    expect((await rejection(uc.bookAppointment({ patientId: 'p1', doctorId: 'nobody', start }))).code).toBe('NOT_FOUND');
  });

  it('releases the claimed time when saving the appointment fails', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    fake.failInsertOnce();
    await expect(uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start })).rejects.toThrow('database went away');
    expect(fake.held.size).toBe(0);
  });

  it('replays the first outcome for a repeated key, success or failure', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const first = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, idempotencyKey: 'key-12345' });
    const again = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, idempotencyKey: 'key-12345' });
    expect(again.id).toBe(first.id);
    expect(fake.appointments.size).toBe(1);

    const lost = await rejection(uc.bookAppointment({ patientId: 'p2', doctorId: 'd1', start, idempotencyKey: 'key-67890' }));
    expect(lost.code).toBe('SLOT_UNAVAILABLE');
    await uc.cancelAppointment(first.id, patient, 'No longer needed');
    // The time is free now, but the key remembers its first answer.
    expect(
      (await rejection(uc.bookAppointment({ patientId: 'p2', doctorId: 'd1', start, idempotencyKey: 'key-67890' }))).code,
    ).toBe('SLOT_UNAVAILABLE');
    expect((await uc.bookAppointment({ patientId: 'p2', doctorId: 'd1', start, idempotencyKey: 'key-fresh-1' })).status).toBe(
      'confirmed',
    );
  });

  it('lets a retry through after an outage instead of replaying it', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    fake.failInsertOnce();
    await expect(uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, idempotencyKey: 'key-outage' })).rejects.toThrow();
    expect((await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, idempotencyKey: 'key-outage' })).status).toBe(
      'confirmed',
    );
  });
});

describe('changes', () => {
  it('cancel frees the time and records who and why; strangers get NOT_FOUND', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const a = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start });
    expect((await rejection(uc.cancelAppointment(a.id, { userId: 'p2', role: 'patient' }, 'Not mine'))).code).toBe('NOT_FOUND');
    const cancelled = await uc.cancelAppointment(a.id, { userId: 'd1', role: 'doctor' }, 'Doctor unwell');
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.history.at(-1)).toMatchObject({ from: 'confirmed', to: 'cancelled', by: 'doctor', reason: 'Doctor unwell' });
    expect(fake.held.size).toBe(0);
  });

  it('reschedule moves the claim to the new time', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const a = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start });
    const later = new Date('2026-03-05T11:00:00Z');
    const moved = await uc.rescheduleAppointment(a.id, patient, later);
    expect(moved.start).toBe(later.toISOString());
    expect([...fake.held.keys()]).toEqual([later.toISOString()]);
  });

  it('the doctor completes only after the start', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const a = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start });
    const doctor = { userId: 'd1', role: 'doctor' };
    expect((await rejection(uc.recordOutcome(a.id, doctor, 'completed'))).code).toBe('CONFLICT');
    fake.setNow(new Date('2026-03-05T10:05:00Z'));
    expect((await uc.recordOutcome(a.id, doctor, 'no_show')).status).toBe('no_show');
  });
});

describe('reconcileClaims', () => {
  it('releases holds with no appointment and keeps those with one', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const a = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start });
    await fake.deps.time.claimTime({
      doctorId: 'd1',
      patientId: 'p9',
      start: new Date('2026-03-05T12:00:00Z'),
      holdId: 'orphan',
    });
    expect(await uc.reconcileClaims()).toBe(1);
    expect([...fake.held.values()]).toEqual([a.id]);
  });
});
