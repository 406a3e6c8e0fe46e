import { markAllUpTo, markSeqs, unreadCount } from '../domain/notification-reads.ts';
import { parsePublicId } from '../domain/notification.ts';
import type { NotificationsDeps } from './ports.ts';

export function makeMarkNotificationsRead(deps: NotificationsDeps) {
  /**
   * Marks the caller's notifications read: those named (ids that are not the caller's, or not
   * ids at all, are passed over: nobody learns what exists), or every one there is now.
   */
  return async function markNotificationsRead(userId: string, ids?: readonly string[]): Promise<{ unread: number }> {
    const at = deps.clock.now();
    if (!ids) {
      const tail = await deps.log.tail(userId);
      return { unread: unreadCount(await deps.reads.change(userId, (s) => markAllUpTo(s, tail, at)), tail) };
    }
    const named = ids.map(parsePublicId).filter((n) => n !== null);
    const entries = await deps.log.readSeqs(
      userId,
      named.map((n) => n.seq),
    );
    const seqs = named.filter((n, i) => entries[i]?.id === n.token).map((n) => n.seq);
    const [reads, tail] = await Promise.all([deps.reads.change(userId, (s) => markSeqs(s, seqs, at)), deps.log.tail(userId)]);
    return { unread: unreadCount(reads, tail) };
  };
}
