import { describe, expect, it } from 'vitest';
import { makeAppointmentReminders, REMINDER } from './appointment-reminders.ts';
import { makeFakeAppointmentsDeps } from './appointments.fakes.ts';
import { makeAppointmentsUseCases } from './use-cases.ts';

const now = new Date('2026-03-02T08:00:00Z');
const HOUR = 3_600_000;
const patient = { userId: 'p1', role: 'patient' };

/** Appointments on fakes, with a scheduler that records what it is asked to schedule. */
function setup() {
  const fake = makeFakeAppointmentsDeps(now);
  const scheduled: { at: Date; type: string; payload: Record<string, unknown>; uid: string }[] = [];
  const reminders = makeAppointmentReminders({
    ...fake.deps,
    scheduler: { schedule: async (at, type, payload, uid) => void scheduled.push({ at, type, payload, uid }) },
    webOrigin: 'https://doctime.test',
  });
  const uc = makeAppointmentsUseCases(fake.deps);
  /** Delivers the scheduling effects committed so far, as the outbox would. */
  const deliverScheduling = async () => {
    for (const e of fake.effects.splice(0).filter((e) => e.type === 'appointment.schedule-reminders'))
      await reminders.scheduleReminders(e.payload);
  };
  return { fake, scheduled, reminders, uc, deliverScheduling };
}

describe('appointment reminders', () => {
  it('schedules both reminders of a booking once per time, and at their time mails and notifies both sides, without the reason', async () => {
    const { scheduled, reminders, uc, deliverScheduling } = setup();
    const start = new Date(now.getTime() + 48 * HOUR);
    const a = await uc.bookAppointment({
      patientId: 'p1',
      doctorId: 'd1',
      start,
      reason: 'Chest pain',
      timeZone: 'Asia/Kolkata',
    });
    await deliverScheduling();
    expect(scheduled.map(({ at, type, uid }) => ({ at, type, uid }))).toEqual([
      { at: new Date(start.getTime() - 24 * HOUR), type: REMINDER, uid: `${a.id}:24h:${start.toISOString()}` },
      { at: new Date(start.getTime() - 15 * 60_000), type: REMINDER, uid: `${a.id}:15m:${start.toISOString()}` },
    ]);
    const effects = await reminders.remind(scheduled[0]!.payload, { now: scheduled[0]!.at });
    const mails = effects.filter((e) => e.type === 'email').map((e) => e.payload);
    expect(mails.map((m) => [m['to'], m['subject']])).toEqual([
      ['p1@x.test', 'Reminder: consultation with Dr One in 24 hours'],
      ['d1@x.test', 'Reminder: consultation with Patient p1 in 24 hours'],
    ]);
    // Each in the recipient's zone, with a link to their page.
    expect(mails[0]!['text']).toContain('Wednesday, 4 March 2026 at 13:30 (Asia/Kolkata)');
    expect(mails[0]!['text']).toContain(`https://doctime.test/patient/appointments/${a.id}`);
    expect(mails[1]!['text']).toContain('Wednesday, 4 March 2026 at 08:00 (Europe/London)');
    expect(JSON.stringify(effects)).not.toContain('Chest pain');
    expect(effects.filter((e) => e.type === 'notification').map((e) => e.payload)).toEqual([
      expect.objectContaining({ userId: 'p1', type: 'appointment.reminder', title: 'Consultation in 24 hours' }),
      expect.objectContaining({
        userId: 'd1',
        type: 'appointment.reminder',
        link: expect.stringMatching(/^\/doctor\/appointments\/.+/),
      }),
    ]);
  });

  it('skips a reminder whose time has passed at booking', async () => {
    const { scheduled, uc, deliverScheduling } = setup();
    await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start: new Date(now.getTime() + 3 * HOUR) });
    await deliverScheduling();
    expect(scheduled.map((s) => s.payload['lead'])).toEqual(['15m']);
  });

  it('sends nothing for a cancelled appointment, a moved one (its new time has its own), or one that has begun', async () => {
    const { fake, scheduled, reminders, uc, deliverScheduling } = setup();
    const start = new Date(now.getTime() + 48 * HOUR);
    const moved = await uc.bookAppointment({ patientId: 'p1', doctorId: 'd1', start });
    const cancelled = await uc.bookAppointment({ patientId: 'p2', doctorId: 'd1', start: new Date(start.getTime() + HOUR) });
    await deliverScheduling();
    const [oldItem, , cancelledItem] = scheduled.splice(0);
    await uc.cancelAppointment(cancelled.id, { userId: 'p2', role: 'patient' }, 'Feeling better');
    const later = new Date(start.getTime() + 2 * HOUR);
    await uc.rescheduleAppointment(moved.id, patient, later);
    await deliverScheduling();
    expect(await reminders.remind(oldItem!.payload, { now: oldItem!.at })).toEqual([]);
    expect(await reminders.remind(cancelledItem!.payload, { now: cancelledItem!.at })).toEqual([]);
    expect(scheduled.map((s) => s.uid)).toEqual([
      `${moved.id}:24h:${later.toISOString()}`,
      `${moved.id}:15m:${later.toISOString()}`,
    ]);
    expect(await reminders.remind(scheduled[1]!.payload, { now: scheduled[1]!.at })).toHaveLength(4);
    expect(await reminders.remind(scheduled[1]!.payload, { now: later })).toEqual([]);
    expect(fake.effects).toEqual([]);
  });
});
