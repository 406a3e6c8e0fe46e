import type { Notification } from '@doctime/contracts';
import { readAtOf, type ReadState } from '../domain/notification-reads.ts';
import { publicIdOf, type StoredNotification } from '../domain/notification.ts';

export function toNotificationView(seq: number, entry: StoredNotification, reads: ReadState): Notification {
  return {
    id: publicIdOf(seq, entry),
    type: entry.type,
    title: entry.title,
    body: entry.body,
    link: entry.link,
    createdAt: entry.createdAt.toISOString(),
    readAt: readAtOf(reads, seq),
  };
}
