import { describe, expect, it } from 'vitest';
import { makeFakeNotificationsDeps } from './notifications.fakes.ts';
import { makeNotificationsUseCases } from './use-cases.ts';

const notice = (userId: string, title: string) =>
  ({ userId, type: 'appointment.booked', title, body: `${title} body`, link: '/patient/appointments' }) as const;

async function withNotifications(titles: string[], userId = 'u1') {
  const fake = makeFakeNotificationsDeps();
  const uc = makeNotificationsUseCases(fake.deps);
  for (const [i, title] of titles.entries()) await uc.deliverNotification(notice(userId, title), `entry-${i}:0`);
  return { fake, uc };
}
const page = { unreadOnly: false, page: 1, limit: 20 };

describe('delivering a notification', () => {
  it('keeps no text of, and pushes nothing for, a notification that lands after its user was erased', async () => {
    const { fake, uc } = await withNotifications(['Booking confirmed']);
    await uc.eraseNotifications('u1');
    await uc.deliverNotification(notice('u1', 'Reminder'), 'entry-9:0');
    expect(fake.logs.get('u1')!.map((n) => [n.title, n.body])).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(fake.pushes).toHaveLength(1);
  });

  it('stores it once per delivery id and pushes it to the user once', async () => {
    const { fake, uc } = await withNotifications(['Booking confirmed']);
    await uc.deliverNotification(notice('u1', 'Booking confirmed'), 'entry-0:0');
    expect(fake.logs.get('u1')).toHaveLength(1);
    expect(fake.pushes).toEqual([
      {
        userIds: ['u1'],
        event: 'notification:new',
        payload: {
          notification: {
            id: '1-tok1',
            type: 'appointment.booked',
            title: 'Booking confirmed',
            body: 'Booking confirmed body',
            link: '/patient/appointments',
            createdAt: '2026-03-02T08:00:00.000Z',
            readAt: null,
          },
        },
      },
    ]);
  });
});

describe('listing and marking read', () => {
  it('lists newest first with paging and the unread count; unreadOnly pages the unread ones', async () => {
    const { uc } = await withNotifications(['n1', 'n2', 'n3', 'n4', 'n5']);
    const first = await uc.listNotifications('u1', { ...page, limit: 2 });
    expect(first).toMatchObject({ total: 5, page: 1, limit: 2, unread: 5 });
    expect(first.items.map((i) => i.title)).toEqual(['n5', 'n4']);
    expect((await uc.listNotifications('u1', { ...page, page: 3, limit: 2 })).items.map((i) => i.title)).toEqual(['n1']);

    expect(await uc.markNotificationsRead('u1', [first.items[1]!.id, '2-tok2'])).toEqual({ unread: 3 });
    const unread = await uc.listNotifications('u1', { unreadOnly: true, page: 1, limit: 20 });
    expect(unread).toMatchObject({ total: 3, unread: 3 });
    expect(unread.items.map((i) => i.title)).toEqual(['n5', 'n3', 'n1']);
    const all = await uc.listNotifications('u1', page);
    expect(all.items.map((i) => i.readAt !== null)).toEqual([false, true, false, true, false]);
  });

  it('passes over ids that are not the caller’s or not ids; marking all leaves later ones unread', async () => {
    const { fake, uc } = await withNotifications(['a1', 'a2']);
    await uc.deliverNotification(notice('u2', 'b1'), 'other:0');
    const theirs = (await uc.listNotifications('u2', page)).items[0]!.id; // '1-tok3': seq 1 of u2's log
    expect(await uc.markNotificationsRead('u1', [theirs, '1-tok2', 'garbage', '99-tok1'])).toEqual({ unread: 2 });
    expect(await uc.markNotificationsRead('u1')).toEqual({ unread: 0 });
    await uc.deliverNotification(notice('u1', 'a3'), 'late:0');
    expect(await uc.listNotifications('u1', { unreadOnly: true, page: 1, limit: 5 })).toMatchObject({ total: 1, unread: 1 });
    expect((await uc.listNotifications('u2', page)).unread).toBe(1);
    expect(fake.logs.get('u1')).toHaveLength(3);
  });
});
