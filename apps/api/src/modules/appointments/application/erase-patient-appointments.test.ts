import { describe, expect, it } from 'vitest';
import { rejection } from '../../../test-support/rejection.ts';
import type { Appointment } from '../domain/appointment.ts';
import { makeFakeAppointmentsDeps } from './appointments.fakes.ts';
import { ACCOUNT_DELETED_REASON, DELETED_PATIENT, withoutPatient } from '../domain/erased-appointment.ts';
import { makeAppointmentsUseCases } from './use-cases.ts';

const inDays = new Date('2026-03-05T10:00:00Z');
const inTwoHours = new Date('2026-03-02T10:00:00Z');
const doctor = { userId: 'd1', role: 'doctor' };

/** Every string the stored versions of `id` hold, flattened. */
const textOf = (fake: ReturnType<typeof makeFakeAppointmentsDeps>, id: string) => JSON.stringify(fake.versions.get(id));

describe('withoutPatient', () => {
  it('drops the name, address, reason and every free-text reason of the history but the deletion', () => {
    const at = new Date('2026-03-01T00:00:00Z');
    const a = {
      id: 'a1',
      patient: { name: 'Ada', email: 'ada@x.test', timeZone: 'Europe/London' },
      reason: 'Chest pain',
      history: [
        { from: 'confirmed', to: 'confirmed', by: 'patient', at, reason: 'Moved: my chest pain got worse' },
        { from: 'confirmed', to: 'cancelled', by: 'patient', at, reason: ACCOUNT_DELETED_REASON },
      ],
    } as unknown as Appointment;
    expect(withoutPatient(a)).toEqual({
      id: 'a1',
      patient: { name: DELETED_PATIENT, email: '' },
      history: [
        { from: 'confirmed', to: 'confirmed', by: 'patient', at },
        { from: 'confirmed', to: 'cancelled', by: 'patient', at, reason: ACCOUNT_DELETED_REASON },
      ],
    });
  });
});

describe('erasePatientAppointments', () => {
  it("cancels the upcoming ones (the doctor is told, the time freed), erases all of the patient's, and no one else's", async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const later = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start: inDays, reason: 'Chest pain' });
    const soon = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start: inTwoHours, reason: 'Rash' });
    const other = await uc.bookAppointment({
      patientId: 'p2',
      doctorId: 'd1',
      start: new Date('2026-03-06T10:00:00Z'),
      reason: 'Cough',
    });
    fake.effects.length = 0;

    await uc.erasePatientAppointments('p1');
    // Run again (a retried deletion): nothing breaks and nothing comes back.
    await uc.erasePatientAppointments('p1');

    for (const id of [later.id, soon.id]) {
      const stored = (await fake.deps.appointments.findById(id))!;
      expect(stored).toMatchObject({ status: 'cancelled', patient: { name: DELETED_PATIENT, email: '' }, claimIds: [] });
      expect(stored).not.toHaveProperty('reason');
      expect(stored.history.at(-1)).toMatchObject({ to: 'cancelled', reason: ACCOUNT_DELETED_REASON });
      expect(textOf(fake, id)).not.toMatch(/Patient p1|p1@x\.test|Chest pain|Rash/);
    }
    // As the patient while the policy allowed it, as the platform two hours before the start.
    expect((await fake.deps.appointments.findById(later.id))!.history.at(-1)!.by).toBe('patient');
    expect((await fake.deps.appointments.findById(soon.id))!.history.at(-1)!.by).toBe('admin');
    expect([...fake.held.values()].map((c) => c.holdId)).toEqual([other.id]);
    const toDoctor = fake.effects.filter((e) => e.payload['to'] === 'd1@x.test');
    expect(toDoctor).toHaveLength(2);
    expect(String(toDoctor[0]!.payload['text'])).toContain(ACCOUNT_DELETED_REASON);
    expect((await fake.deps.appointments.findById(other.id))!).toMatchObject({ status: 'confirmed', reason: 'Cough' });
  });

  it('erases a past appointment without changing its outcome', async () => {
    const fake = makeFakeAppointmentsDeps();
    const uc = makeAppointmentsUseCases(fake.deps);
    const a = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start: inDays, reason: 'Chest pain' });
    fake.setNow(new Date('2026-03-05T10:05:00Z'));
    await uc.recordOutcome(a.id, doctor, 'completed');
    await uc.erasePatientAppointments('p1');
    const stored = (await fake.deps.appointments.findById(a.id))!;
    expect(stored).toMatchObject({ status: 'completed', patient: { name: DELETED_PATIENT } });
    expect(stored).not.toHaveProperty('reason');
    expect(fake.held.size).toBe(1); // a past appointment's time stays taken
  });

  it("undoes a booking whose patient's account was deleted while it was being stored", async () => {
    const fake = makeFakeAppointmentsDeps();
    const withAccount = (live: () => boolean) =>
      makeAppointmentsUseCases({
        ...fake.deps,
        directory: {
          ...fake.deps.directory,
          findAccount: async (id) => (live() ? { id, name: 'Ada', email: 'ada@x.test' } : null),
        },
      });
    // The booking's own read sees the account; its re-read once stored finds it deleted.
    let reads = 0;
    const racing = withAccount(() => ++reads === 1);
    const refused = await rejection(
      racing.bookAppointment({ patientId: 'p1', doctorId: 'd1', start: inDays, reason: 'Chest pain' }),
    );
    expect(refused.code).toBe('UNAUTHENTICATED');
    const [id] = [...fake.versions.keys()];
    expect(await fake.deps.appointments.findById(id!)).toMatchObject({ status: 'cancelled', patient: { name: DELETED_PATIENT } });
    expect(textOf(fake, id!)).not.toMatch(/Ada|Chest pain/);
    expect(fake.held.size).toBe(0);
    // A live account's booking passes the check untouched.
    const booked = await withAccount(() => true).bookAppointment({ patientId: 'p2', doctorId: 'd1', start: inTwoHours });
    expect(booked.status).toBe('confirmed');
  });
});
