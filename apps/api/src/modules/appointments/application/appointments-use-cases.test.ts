import { describe, expect, it } from 'vitest';
import { rejection } from '../../../test-support/rejection.ts';
import { makeFakeAppointmentsDeps } from './appointments.fakes.ts';
import { makeAppointmentsUseCases } from './use-cases.ts';

const start = new Date('2026-03-05T10:00:00Z');
const patient = { userId: 'p1', role: 'patient' };

describe('bookAppointment', () => {
  it('books a confirmed appointment, mails and notifies both sides, and has its reminders scheduled', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const a = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, reason: 'Cough' });
    expect(a).toMatchObject({
      status: 'confirmed',
      start: start.toISOString(),
      end: '2026-03-05T10:30:00.000Z',
      reason: 'Cough',
    });
    const of = (type: string) => fake.effects.filter((e) => e.type === type).map((e) => e.payload);
    expect(
      of('email')
        .map((p) => p['to'])
        .sort(),
    ).toEqual(['d1@x.test', 'p1@x.test']);
    expect(of('notification')).toEqual([
      expect.objectContaining({
        userId: 'p1',
        type: 'appointment.booked',
        title: 'Booking confirmed',
        link: `/patient/appointments/${a.id}`,
      }),
      expect.objectContaining({
        userId: 'd1',
        type: 'appointment.booked',
        title: 'New booking',
        link: expect.stringMatching(/^\/doctor\/appointments\/.+/),
      }),
    ]);
    expect(of('appointment.schedule-reminders')).toEqual([{ appointmentId: a.id, start: start.toISOString() }]);
  });

  it('refuses unknown or unlisted doctors with NOT_FOUND', async () => {
    const uc = makeAppointmentsUseCases(makeFakeAppointmentsDeps().deps);
    expect((await rejection(uc.bookAppointment({ patientId: 'p1', doctorId: 'nobody', start }))).code).toBe('NOT_FOUND');
  });

  it('gives its time back at once when storing fails and the id can be fenced (abandoned)', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    fake.failCreateOnce('before-commit');
    await expect(uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start })).rejects.toThrow('database went away');
    expect(fake.held.size).toBe(0);
    expect([...fake.versions.values()]).toEqual([['abandoned']]);
  });

  it('answers with the appointment when storing reported a failure but had stored it', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    fake.failCreateOnce('after-commit');
    const booked = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start });
    expect((await fake.deps.appointments.findById(booked.id))?.status).toBe('confirmed');
    expect([...fake.held.values()].map((c) => c.holdId)).toEqual([booked.id]);
  });

  it('keeps the claimed time when the outcome cannot be told (the database stays away), for the reconciler', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    fake.failCreateOnce('database-away');
    await expect(uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start })).rejects.toThrow('database went away');
    expect(fake.held.size).toBe(1);
    fake.setNow(new Date(fake.deps.clock.now().getTime() + 10 * 60_000));
    expect(await uc.reconcileClaims()).toBe(1);
    expect(fake.held.size).toBe(0);
  });

  it('answers IDEMPOTENCY_KEY_REUSED when a key comes back with a different request', async () => {
    const uc = makeAppointmentsUseCases(makeFakeAppointmentsDeps().deps);
    await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, idempotencyKey: 'key-reuse-1' });
    const other = new Date('2026-03-05T11:00:00Z');
    const reused = await rejection(
      uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start: other, idempotencyKey: 'key-reuse-1' }),
    );
    expect(reused.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('replays the first outcome for a repeated key, success or failure', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const first = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, idempotencyKey: 'key-12345' });
    const again = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, idempotencyKey: 'key-12345' });
    expect(again.id).toBe(first.id);
    expect(fake.versions.size).toBe(1);

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

  it('lets a retry through after an outage, finishing with the cells the first attempt claimed', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    fake.failCreateOnce();
    await expect(uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, idempotencyKey: 'key-outage' })).rejects.toThrow();
    const retried = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, idempotencyKey: 'key-outage' });
    expect(retried.status).toBe('confirmed');
    expect([...fake.held.values()].map((c) => c.holdId)).toEqual([retried.id]);
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
    expect(moved.history).toHaveLength(2);
  });

  it('a reschedule whose store fails gives its new time back at once, once an unchanged version fences the move out', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const a = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start });
    fake.failSaveOnce();
    const later = new Date('2026-03-05T11:00:00Z');
    await expect(uc.rescheduleAppointment(a.id, patient, later)).rejects.toThrow('database went away');
    expect([...fake.held.keys()]).toEqual([start.toISOString()]);
    const stored = (await fake.deps.appointments.findById(a.id))!;
    expect(stored).toMatchObject({ version: 2, start: new Date(start), status: 'confirmed' });
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
  it('releases settled holds with no appointment, marks them abandoned, and keeps those with one', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const a = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start });
    await fake.deps.time.claimTime({
      doctorId: 'd1',
      patientId: 'p9',
      start: new Date('2026-03-05T12:00:00Z'),
      holdId: 'orphan',
    });
    expect(await uc.reconcileClaims()).toBe(0); // too fresh: a booking may still be under way
    fake.setNow(new Date(fake.deps.clock.now().getTime() + 10 * 60_000));
    expect(await uc.reconcileClaims()).toBe(1);
    expect([...fake.held.values()].map((c) => c.holdId)).toEqual([a.id]);
    expect(await fake.deps.appointments.abandon('orphan')).toBe('conflict');
  });

  it('frees the cells of an id a failed booking abandoned but could not give back', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    await fake.deps.time.claimTime({ doctorId: 'd1', patientId: 'p1', start, holdId: 'gave-up' });
    expect(await fake.deps.appointments.abandon('gave-up')).toBe('ok');
    fake.setNow(new Date(fake.deps.clock.now().getTime() + 10 * 60_000));
    expect(await uc.reconcileClaims()).toBe(1);
    expect(fake.held.size).toBe(0);
  });

  it('frees cells a committed reschedule left behind, after moving the version on', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const a = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start });
    const stored = (await fake.deps.appointments.findById(a.id))!;
    const later = new Date('2026-03-05T11:00:00Z');
    await fake.deps.time.claimTime({ doctorId: 'd1', patientId: 'p1', start: later, holdId: a.id, keep: stored.claimIds });
    fake.setNow(new Date(fake.deps.clock.now().getTime() + 10 * 60_000));
    expect(await uc.reconcileClaims()).toBe(1);
    expect([...fake.held.keys()]).toEqual([start.toISOString()]);
    expect((await fake.deps.appointments.findById(a.id))!.version).toBe(2);
  });
});
