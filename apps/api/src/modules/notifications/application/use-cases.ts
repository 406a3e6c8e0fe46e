import { makeDeliverNotification } from './deliver-notification.ts';
import { makeListNotifications } from './list-notifications.ts';
import { makeMarkNotificationsRead } from './mark-notifications-read.ts';
import type { NotificationsDeps } from './ports.ts';
import { makeEraseNotifications, makeExportNotifications } from './user-notifications.ts';

export function makeNotificationsUseCases(deps: NotificationsDeps) {
  return {
    listNotifications: makeListNotifications(deps),
    markNotificationsRead: makeMarkNotificationsRead(deps),
    deliverNotification: makeDeliverNotification(deps),
    /** A patient's data export and account deletion. */
    exportNotifications: makeExportNotifications(deps),
    eraseNotifications: makeEraseNotifications(deps),
  };
}
export type NotificationsUseCases = ReturnType<typeof makeNotificationsUseCases>;
