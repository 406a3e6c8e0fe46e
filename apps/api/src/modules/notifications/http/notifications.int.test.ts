import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { approvedDoctor } from '../../../test-support/doctors.ts';
import { ApiClient } from '../../../test-support/http-client.ts';
import { connect, nextEvent } from '../../../test-support/chat.ts';
import { settleSideEffects } from '../../../test-support/outbox.ts';
import { startSiblingApi, startTestApi, type TestApi } from '../../../test-support/test-api.ts';

/**
 * The notification centre over HTTP on the real stack: what bookings,
 * cancellations, moves and KYC decisions notify, paging newest first, unread
 * only, marking some or all read (ids of others passed over), bad input,
 * concurrent appends and marks on two API processes ending with the right
 * count, and the live push to every tab of the user on either process.
 */
let api: TestApi;
let other: TestApi;
let admin: ApiClient;
beforeAll(async () => {
  api = await startTestApi();
  other = await startSiblingApi(api);
  admin = (await signedInAdmin(api)).c;
});
afterAll(async () => {
  await other?.stop();
  await api?.stop();
});

const list = async (c: ApiClient, query = '') => {
  const res = await c.get(`/api/v1/notifications${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body as {
    items: { id: string; type: string; title: string; body: string; link: string; readAt: string | null }[];
    total: number;
    unread: number;
  };
};
const markRead = async (c: ApiClient, body: unknown) => {
  const res = await c.post('/api/v1/notifications/read', body);
  expect(res.status, res.text).toBe(200);
  return res.body as { unread: number };
};
/** Notifies a user as another module would, through the real outbox handler (`entryId` as the outbox gives it). */
const notify = (userId: string, title: string, entryId = `test-${randomBytes(6).toString('hex')}:0`, on = api) =>
  on.container.notifications.useCases.deliverNotification(
    { userId, type: 'appointment.reminder', title, body: `${title}.`, link: '/patient/appointments' },
    entryId,
  );

describe('what other modules notify', () => {
  it('a KYC decision, a booking (both sides), a cancellation (the other side) and a move (both sides)', async () => {
    const doctor = await approvedDoctor(api, admin, 'Dr Notice', { timeZone: 'Europe/London' });
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    const hours = await doctor.c.put('/api/v1/doctors/me/availability', { timeZone: 'Europe/London', slotMinutes: 30, weekly });
    expect(hours.status, hours.text).toBe(200);
    const patient = await signedIn(api, 'patient', 'Pat Notice');
    const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const slots = (await patient.c.get(`/api/v1/doctors/${doctor.id}/slots?from=${date}&to=${date}&tz=Europe/London`)).body
      .days[0].slots as { start: string }[];
    const booked = await patient.c.post('/api/v1/appointments', { doctorId: doctor.id, start: slots[0]!.start, reason: 'Rash' });
    expect(booked.status, booked.text).toBe(201);
    const id = booked.body.appointment.id as string;
    await settleSideEffects(api);

    const [forPatient, forDoctor] = [await list(patient.c), await list(doctor.c)];
    expect(forPatient.items.map((n) => [n.type, n.title, n.link])).toEqual([
      ['appointment.booked', 'Booking confirmed', `/patient/appointments/${id}`],
    ]);
    expect(forDoctor.items.map((n) => [n.type, n.title])).toEqual([
      ['appointment.booked', 'New booking'],
      ['kyc.decided', 'Profile approved'],
    ]);
    expect(forDoctor.items[0]!.body).toContain('Pat Notice booked a consultation with you on');
    expect(JSON.stringify([forPatient, forDoctor])).not.toContain('Rash');

    expect((await patient.c.post(`/api/v1/appointments/${id}/reschedule`, { start: slots[2]!.start })).status).toBe(200);
    expect((await doctor.c.post(`/api/v1/appointments/${id}/cancel`, { reason: 'Away that day' })).status).toBe(200);
    await settleSideEffects(api);
    expect((await list(patient.c)).items.map((n) => n.title)).toEqual([
      'Appointment cancelled',
      'Appointment rescheduled',
      'Booking confirmed',
    ]);
    expect((await list(doctor.c)).items.map((n) => n.title)).toEqual([
      'Appointment rescheduled',
      'New booking',
      'Profile approved',
    ]);
  });
});

describe('the notification centre', () => {
  it('pages newest first, lists unread only, marks some and then all read, and passes over ids not the caller’s', async () => {
    const [me, someoneElse] = [await signedIn(api, 'patient'), await signedIn(api, 'patient')];
    for (let i = 1; i <= 25; i++) await notify(me.id, `Note ${i}`);
    await notify(someoneElse.id, 'Theirs');
    const first = await list(me.c, '?limit=10');
    expect(first).toMatchObject({ total: 25, page: 1, limit: 10, unread: 25 });
    expect(first.items.map((n) => n.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Note ${25 - i}`));
    const third = await list(me.c, '?limit=10&page=3');
    expect(third.items.map((n) => n.title)).toEqual(['Note 5', 'Note 4', 'Note 3', 'Note 2', 'Note 1']);
    expect((await list(me.c, '?limit=10&page=4')).items).toEqual([]);

    const theirs = (await list(someoneElse.c)).items[0]!.id;
    const picked = [first.items[0]!.id, first.items[2]!.id, third.items[4]!.id];
    expect(await markRead(me.c, { ids: [...picked, picked[0], theirs, 'not-an-id', '999-nothing'] })).toEqual({ unread: 22 });
    expect((await list(someoneElse.c)).unread).toBe(1);
    const unread = await list(me.c, '?unreadOnly=true&limit=3');
    expect(unread).toMatchObject({ total: 22, unread: 22 });
    expect(unread.items.map((n) => n.title)).toEqual(['Note 24', 'Note 22', 'Note 21']);
    const marked = (await list(me.c, '?limit=3')).items;
    expect(marked.map((n) => n.readAt !== null)).toEqual([true, false, true]);
    expect((await list(me.c, '?unreadOnly=true&page=8&limit=3')).items.map((n) => n.title)).toEqual(['Note 2']);

    expect(await markRead(me.c, {})).toEqual({ unread: 0 });
    await notify(me.id, 'Note 26');
    expect(await list(me.c, '?unreadOnly=true')).toMatchObject({
      total: 1,
      unread: 1,
      items: [{ title: 'Note 26', readAt: null }],
    });
    expect((await list(me.c, '?limit=2')).items[1]!.readAt).not.toBeNull();
  });

  it('a redelivered notification is stored once', async () => {
    const me = await signedIn(api, 'doctor');
    await Promise.all([
      notify(me.id, 'Once', 'entry-1:0'),
      notify(me.id, 'Once', 'entry-1:0', other),
      notify(me.id, 'Once', 'entry-1:0'),
    ]);
    expect(await list(me.c)).toMatchObject({ total: 1, unread: 1 });
  });

  it('deliveries racing the erasure of their user, on two processes, keep no title or body, and later ones neither', async () => {
    const me = await signedIn(api, 'patient');
    for (let i = 1; i <= 3; i++) await notify(me.id, `Before ${i}`);
    await Promise.all([
      api.container.notifications.useCases.eraseNotifications(me.id),
      ...Array.from({ length: 10 }, (_, i) => notify(me.id, `Racing ${i}`, undefined, i % 2 ? api : other)),
      other.container.notifications.useCases.eraseNotifications(me.id),
    ]);
    await notify(me.id, 'Retried much later');
    const kept = await api.container.notifications.useCases.exportNotifications(me.id);
    expect(kept).toHaveLength(14);
    expect(kept.map((n) => [n.title, n.body])).toEqual(kept.map(() => ['', '']));
  });

  it('answers bad input with 400 and field errors, changing nothing (more cases in main/bad-input), strangers with 401', async () => {
    const me = await signedIn(api, 'patient');
    await notify(me.id, 'Keep me unread');
    const page0 = await me.c.get('/api/v1/notifications?page=0');
    expect(page0.status).toBe(400);
    expect(page0.body.error.details.fieldErrors['page']).toBeDefined();
    const tooMany = await me.c.post('/api/v1/notifications/read', { ids: Array.from({ length: 101 }, (_, i) => `${i + 1}-x`) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.fieldErrors['ids']).toEqual(['Mark at most 100 at once']);
    expect((await list(me.c)).unread).toBe(1);
    expect((await new ApiClient(api.baseUrl).get('/api/v1/notifications')).status).toBe(401);
  });

  it('concurrent appends and marks on two processes end with the right unread count', async () => {
    const me = await signedIn(api, 'patient');
    const onOther = Object.assign(new ApiClient(other.baseUrl), { accessToken: me.c.accessToken });
    for (let i = 1; i <= 10; i++) await notify(me.id, `Early ${i}`);
    const early = (await list(me.c, '?limit=10')).items.map((n) => n.id);
    // While 20 more arrive through both processes, each process marks half of the early ones, one by one.
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => notify(me.id, `Late ${i}`, undefined, i % 2 ? api : other)),
      ...early.map((id, i) => markRead(i % 2 ? me.c : onOther, { ids: [id] })),
    ]);
    expect(await list(me.c, '?limit=1')).toMatchObject({ total: 30, unread: 20 });
    expect((await list(me.c, '?unreadOnly=true&limit=100')).items.every((n) => n.title.startsWith('Late'))).toBe(true);

    // "Mark all" racing new arrivals: what it saw is read, whatever came after stays unread.
    await Promise.all([
      markRead(onOther, {}),
      ...Array.from({ length: 5 }, (_, i) => notify(me.id, `Racing ${i}`, undefined, i % 2 ? api : other)),
    ]);
    const after = await list(me.c, '?unreadOnly=true&limit=100');
    expect(after.total).toBe(after.items.length);
    expect(after.items.every((n) => n.title.startsWith('Racing'))).toBe(true);
    expect(after.unread).toBeLessThanOrEqual(5);
    expect(await markRead(me.c, {})).toEqual({ unread: 0 });
    expect(await list(me.c, '?limit=1')).toMatchObject({ total: 35, unread: 0 });
  });

  it('pushes a new notification to every open tab of its user on either process, once, and to nobody else', async () => {
    const [me, stranger] = [await signedIn(api, 'patient'), await signedIn(api, 'patient')];
    const tabs = await Promise.all([connect(api.baseUrl, me.c.accessToken), connect(other.baseUrl, me.c.accessToken)]);
    const strangerTab = await connect(api.baseUrl, stranger.c.accessToken);
    try {
      let strangerHeard = 0;
      strangerTab.on('notification:new', () => strangerHeard++);
      const heard = tabs.map((tab) => nextEvent<{ notification: { id: string; title: string } }>(tab, 'notification:new'));
      await notify(me.id, 'Live one', 'live-entry:0');
      const [first, second] = await Promise.all(heard);
      const stored = (await list(me.c)).items[0]!;
      expect(first).toEqual({ notification: stored });
      expect(second).toEqual(first);

      let again = 0;
      tabs[0]!.on('notification:new', () => again++);
      await notify(me.id, 'Live one', 'live-entry:0', other); // a redelivery: stored and pushed once
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect([again, strangerHeard]).toEqual([0, 0]);
    } finally {
      [...tabs, strangerTab].forEach((s) => s.disconnect());
    }
  });
});
