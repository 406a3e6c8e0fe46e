import { socketEvents } from '@doctime/contracts';
import type { OutgoingNotification } from '../../../platform/side-effect.ts';
import { noneRead } from '../domain/notification-reads.ts';
import type { StoredNotification } from '../domain/notification.ts';
import { toNotificationView } from './notification-view.ts';
import type { NotificationsDeps } from './ports.ts';

export function makeDeliverNotification(deps: NotificationsDeps) {
  /**
   * Delivers a notification (the outbox's `notification` effect, or another module's own
   * effect): appends it to the user's log once per delivery id (`uid`: a redelivery appends
   * nothing), then tells the user's open tabs. One that lands after the user's erasure began
   * (a delivery retried, or racing the deletion) is erased too and told to nobody: the
   * erasure marks the user before it rewrites, and this checks after it appends, so one of
   * the two always sees the other's write.
   */
  return async function deliverNotification(notification: OutgoingNotification, uid: string) {
    const entry: StoredNotification = {
      uid,
      id: deps.newId(),
      type: notification.type,
      title: notification.title,
      body: notification.body,
      link: notification.link,
      createdAt: deps.clock.now(),
    };
    const { seq, created } = await deps.log.appendOnce(notification.userId, entry);
    if (await deps.log.isErased(notification.userId)) return deps.log.eraseAll(notification.userId);
    if (created) {
      deps.push.toUsers([notification.userId], socketEvents.notificationNew, {
        notification: toNotificationView(seq, entry, noneRead()),
      });
    }
  };
}
