import type { Notification, NotificationList } from '@doctime/contracts';
import { describe, expect, it } from 'vitest';
import { isAppPath, timeAgo, withNewNotification, withRead } from './notification-cache';

const note = (id: string, readAt: string | null = null): Notification => ({
  id,
  type: 'appointment.booked',
  title: 'New booking',
  body: 'Asha Rao booked 3 March, 10:00',
  link: '/doctor/appointments',
  createdAt: '2026-03-03T10:00:00.000Z',
  readAt,
});
const list = (items: Notification[], unread: number): NotificationList => ({
  items,
  total: items.length,
  page: 1,
  limit: 2,
  unread,
});

describe('withNewNotification', () => {
  it('puts it first on page 1, keeps the page size and counts it unread', () => {
    const next = withNewNotification(list([note('a'), note('b', 'x')], 1), note('c'), { unreadOnly: false, page: 1, limit: 2 });
    expect(next.items.map((n) => n.id)).toEqual(['c', 'a']);
    expect(next).toMatchObject({ unread: 2, total: 3 });
  });

  it('only counts it on later pages, and ignores one already listed', () => {
    const later = list([note('a')], 1);
    expect(withNewNotification(later, note('c'), { unreadOnly: false, page: 2, limit: 2 }).items).toEqual([note('a')]);
    expect(withNewNotification(later, note('a'), { unreadOnly: false, page: 1, limit: 2 })).toBe(later);
  });
});

describe('withRead', () => {
  it('marks the given ones read, or all', () => {
    const base = list([note('a'), note('b'), note('c', 'earlier')], 2);
    const some = withRead(base, ['a'], 1, 'now');
    expect(some.items.map((n) => n.readAt)).toEqual(['now', null, 'earlier']);
    expect(some.unread).toBe(1);
    expect(withRead(base, undefined, 0, 'now').items.map((n) => n.readAt)).toEqual(['now', 'now', 'earlier']);
  });
});

describe('isAppPath', () => {
  it('follows only paths of this app', () => {
    expect(isAppPath('/patient/appointments/abc')).toBe(true);
    for (const link of ['https://evil.test', '//evil.test/x', '/\\evil.test', 'javascript:alert(1)', ''])
      expect(isAppPath(link)).toBe(false);
  });
});

describe('timeAgo', () => {
  const now = new Date('2026-03-03T12:00:00Z');
  it('says how long ago in words', () => {
    expect(timeAgo('2026-03-03T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-03-03T11:55:00Z', now)).toMatch(/5 min/);
    expect(timeAgo('2026-03-03T09:00:00Z', now)).toMatch(/3 hours ago/);
    expect(timeAgo('2026-03-02T12:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('2026-01-01T12:00:00Z', now)).toMatch(/2026/);
  });
});
