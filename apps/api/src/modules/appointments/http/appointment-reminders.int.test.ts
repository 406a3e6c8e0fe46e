import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { approvedDoctor } from '../../../test-support/doctors.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { settleSideEffects } from '../../../test-support/outbox.ts';
import { startSiblingApi, startTestApi, type TestApi } from '../../../test-support/test-api.ts';

/**
 * Reminders 24 hours and 15 minutes before a confirmed consultation, by e-mail
 * and in-app, with two API processes on one database running the wheel at
 * every reminder's time, at once and then one after the other (their clocks
 * moved forward together): each
 * reminder is sent exactly once; a cancelled appointment gets none; a moved
 * one gets them for its new time only; one booked three hours ahead gets no
 * 24-hour reminder. Mails are counted in the real Mailpit.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let one: TestApi;
let two: TestApi;
beforeAll(async () => {
  one = await startTestApi();
  two = await startSiblingApi(one);
});
afterAll(async () => {
  await two?.stop();
  await one?.stop();
});

/** Subjects of the reminder mails to `to` (Mailpit's search, newest first). */
async function remindersTo(to: string): Promise<string[]> {
  const res = await fetch(
    `${process.env['MAILPIT_URL']}/api/v1/search?query=${encodeURIComponent(`to:"${to}" subject:Reminder`)}&limit=50`,
  );
  return ((await res.json()) as { messages: { Subject: string }[] }).messages.map((m) => m.Subject).sort();
}

async function slotsBetween(c: ApiClient, doctorId: string, from: number, to: number) {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const res = await c.get(`/api/v1/doctors/${doctorId}/slots?from=${day(from)}&to=${day(to)}&tz=UTC`);
  expect(res.status, res.text).toBe(200);
  return (res.body.days as { slots: { start: string }[] }[])
    .flatMap((d) => d.slots.map((s) => s.start))
    .filter((s) => Date.parse(s) >= from && Date.parse(s) < to);
}

it('sends each reminder once across two processes, none for a cancelled appointment, and only the new time’s for a moved one', async () => {
  const admin = (await signedInAdmin(one)).c;
  const doctor = await approvedDoctor(one, admin, 'Dr Remind', { timeZone: 'UTC' });
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:30' }));
  const hours = await doctor.c.put('/api/v1/doctors/me/availability', { timeZone: 'UTC', slotMinutes: 30, weekly });
  expect(hours.status, hours.text).toBe(200);
  const [kept, cancelled, moved, soon] = await Promise.all(
    ['Kept', 'Cancelled', 'Moved', 'Soon'].map((name) => signedIn(one, 'patient', `Pat ${name}`)),
  );
  const now = Date.now();
  const later = await slotsBetween(kept!.c, doctor.id, now + 48 * HOUR, now + 72 * HOUR);
  const [soonStart] = await slotsBetween(soon!.c, doctor.id, now + 3 * HOUR, now + 4 * HOUR);
  const book = async (p: typeof kept, start: string) => {
    const res = await p!.c.post('/api/v1/appointments', { doctorId: doctor.id, start, reason: 'Migraine' });
    expect(res.status, res.text).toBe(201);
    return res.body.appointment.id as string;
  };
  const starts = { kept: later[0]!, cancelled: later[2]!, movedFrom: later[4]!, movedTo: later[8]!, soon: soonStart! };
  await book(kept, starts.kept);
  const cancelledId = await book(cancelled, starts.cancelled);
  const movedId = await book(moved, starts.movedFrom);
  await book(soon, starts.soon);
  await settleSideEffects(one); // the reminders are scheduled by the bookings' outbox entries
  expect((await cancelled!.c.post(`/api/v1/appointments/${cancelledId}/cancel`, { reason: 'Better' })).status).toBe(200);
  expect((await moved!.c.post(`/api/v1/appointments/${movedId}/reschedule`, { start: starts.movedTo })).status).toBe(200);
  await settleSideEffects(one);

  // Every reminder time of every booking, old and new, in order: both processes run the wheel at each.
  const times = Object.values(starts)
    .flatMap((s) => [Date.parse(s) - 24 * HOUR, Date.parse(s) - 15 * MINUTE])
    .filter((t) => t > Date.now())
    .sort((a, b) => a - b);
  for (const t of times) {
    for (const api of [one, two]) api.clock.advance(t + 1_000 - api.clock.now().getTime());
    await Promise.all([one.container.scheduledEffects.run(), two.container.scheduledEffects.run()]);
    // And one after the other, so each process looks at every item (what the other fired included).
    for (const api of [two, one]) await api.container.scheduledEffects.run();
    await Promise.all([settleSideEffects(one), settleSideEffects(two)]);
  }

  const expected = {
    [kept!.email]: ['Reminder: consultation with Dr Remind in 15 minutes', 'Reminder: consultation with Dr Remind in 24 hours'],
    [moved!.email]: ['Reminder: consultation with Dr Remind in 15 minutes', 'Reminder: consultation with Dr Remind in 24 hours'],
    [soon!.email]: ['Reminder: consultation with Dr Remind in 15 minutes'],
    [cancelled!.email]: [],
    [doctor.email]: [
      'Reminder: consultation with Pat Kept in 15 minutes',
      'Reminder: consultation with Pat Kept in 24 hours',
      'Reminder: consultation with Pat Moved in 15 minutes',
      'Reminder: consultation with Pat Moved in 24 hours',
      'Reminder: consultation with Pat Soon in 15 minutes',
    ],
  };
  const deadline = Date.now() + 10_000;
  const received = async () =>
    Object.fromEntries(await Promise.all(Object.keys(expected).map(async (to) => [to, await remindersTo(to)])));
  while (JSON.stringify(await received()) !== JSON.stringify(expected) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 500)); // time for a duplicate to show up, if there were one
  expect(await received()).toEqual(expected);
  expect(await one.db.collection('scheduled_fired').countDocuments()).toBe(5);

  // The in-app side: each reminder once, linking the patient's page; the moved one for its new time.
  const movedNotes = (await moved!.c.get('/api/v1/notifications')).body.items as { type: string; title: string; body: string }[];
  const reminders = movedNotes.filter((n) => n.type === 'appointment.reminder');
  expect(reminders.map((n) => n.title)).toEqual(['Consultation in 15 minutes', 'Consultation in 24 hours']);
  const movedToText = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' }).format(new Date(starts.movedTo));
  expect(reminders.every((n) => n.body.includes(movedToText))).toBe(true);
  expect(JSON.stringify(movedNotes)).not.toContain('Migraine');
  const cancelledNotes = (await cancelled!.c.get('/api/v1/notifications')).body.items as { type: string }[];
  expect(cancelledNotes.filter((n) => n.type === 'appointment.reminder')).toEqual([]);
});
