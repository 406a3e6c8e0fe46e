import type { Notification } from '@doctime/contracts';
import { useNavigate } from 'react-router';
import { isAppPath } from '../api/notification-cache';
import { useMarkNotificationsRead } from '../api/use-notifications';

/** Opening a notification marks it read and goes to its page (only paths of this app are followed). */
export function useOpenNotification(afterOpen?: () => void) {
  const navigate = useNavigate();
  const markRead = useMarkNotificationsRead();
  return (notification: Notification) => {
    if (!notification.readAt) markRead.mutate([notification.id]);
    afterOpen?.();
    if (isAppPath(notification.link)) void navigate(notification.link);
  };
}
