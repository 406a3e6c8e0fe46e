import { describe, expect, it } from 'vitest';
import { rejection } from '../../../test-support/rejection.ts';
import { makeFakeAppointmentsDeps } from './appointments.fakes.ts';
import { makeAppointmentsUseCases } from './use-cases.ts';

const start = new Date('2026-03-05T10:00:00Z');
const admin = { userId: 'admin-1', role: 'admin', ip: '10.0.0.7' };

async function booked() {
  const fake = makeFakeAppointmentsDeps();
  const uc = makeAppointmentsUseCases(fake.deps);
  const appt = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start, reason: 'Chest pain' });
  return { fake, uc, appt };
}

describe("reading an appointment: an admin's read is audited, a participant's is not", () => {
  it.each([
    ['details', 'getAppointment'],
    ['calendar file', 'appointmentCalendar'],
  ] as const)('audits an admin reading the %s, once, with who and from where', async (_what, useCase) => {
    const { fake, uc, appt } = await booked();
    await uc[useCase](appt.id, admin);
    expect(fake.adminReads).toEqual([
      { actor: { userId: 'admin-1', ip: '10.0.0.7' }, read: { action: 'appointment.view', targetId: appt.id } },
    ]);
  });

  it('does not audit the patient or the doctor reading their own appointment', async () => {
    const { fake, uc, appt } = await booked();
    await uc.getAppointment(appt.id, { userId: 'p1', role: 'patient' });
    await uc.appointmentCalendar(appt.id, { userId: 'd1', role: 'doctor' });
    expect(fake.adminReads).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown id, with nothing to audit', async () => {
    const { fake, uc } = await booked();
    expect((await rejection(uc.getAppointment('no-such-appointment', admin))).code).toBe('NOT_FOUND');
    expect(fake.adminReads).toEqual([]);
  });

  it('shows an admin nothing when the read cannot be audited', async () => {
    const { fake, uc, appt } = await booked();
    fake.deps.accessAudit.recordAdminRead = async () => {
      throw new Error('database went away');
    };
    await expect(uc.getAppointment(appt.id, admin)).rejects.toThrow('database went away');
    await expect(uc.appointmentCalendar(appt.id, admin)).rejects.toThrow('database went away');
  });
});
