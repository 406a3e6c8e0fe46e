import type { NotificationList } from '@doctime/contracts';
import { pageSeqs, unreadCount, unreadSeqs } from '../domain/notification-reads.ts';
import { toNotificationView } from './notification-view.ts';
import type { NotificationsDeps } from './ports.ts';

export function makeListNotifications(deps: NotificationsDeps) {
  /** A page of the caller's notifications, newest first: all of them, or the unread ones only. */
  return async function listNotifications(
    userId: string,
    query: { unreadOnly: boolean; page: number; limit: number },
  ): Promise<NotificationList> {
    const [tail, reads] = await Promise.all([deps.log.tail(userId), deps.reads.read(userId)]);
    const unread = unreadCount(reads, tail);
    const skip = (query.page - 1) * query.limit;
    const seqs = query.unreadOnly ? unreadSeqs(reads, tail, skip, query.limit) : pageSeqs(tail, skip, query.limit);
    const entries = await deps.log.readSeqs(userId, seqs);
    const items = seqs.flatMap((seq, i) => (entries[i] ? [toNotificationView(seq, entries[i], reads)] : []));
    return { items, total: query.unreadOnly ? unread : tail, page: query.page, limit: query.limit, unread };
  };
}
