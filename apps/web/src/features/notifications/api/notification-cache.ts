import type { Notification, NotificationList } from '@doctime/contracts';

/** Pure updates of cached notification lists, so the bell and the page change at once. */

export interface NotificationListParams {
  unreadOnly: boolean;
  page: number;
  limit: number;
}

/** A list after a new notification arrived: newest first on page 1, and one more unread everywhere. */
export function withNewNotification(
  list: NotificationList,
  notification: Notification,
  params: NotificationListParams,
): NotificationList {
  if (list.items.some((item) => item.id === notification.id)) return list;
  const unread = list.unread + (notification.readAt ? 0 : 1);
  if (params.page !== 1) return { ...list, unread, total: list.total + 1 };
  return { ...list, unread, total: list.total + 1, items: [notification, ...list.items].slice(0, params.limit) };
}

/** A list after marking some (or, without ids, all) read, with the server's unread count. */
export function withRead(
  list: NotificationList,
  ids: readonly string[] | undefined,
  unread: number,
  at: string,
): NotificationList {
  const marked = ids ? new Set(ids) : null;
  return {
    ...list,
    unread,
    items: list.items.map((item) => (item.readAt || (marked && !marked.has(item.id)) ? item : { ...item, readAt: at })),
  };
}

/** Only paths inside the app are followed (a link is never another origin). */
export function isAppPath(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\');
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "just now", "5 minutes ago", "yesterday", then the date. */
export function timeAgo(iso: string, now: Date): string {
  let amount = (new Date(iso).getTime() - now.getTime()) / 1000;
  if (Math.abs(amount) < 45) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}
