import { Badge } from '@mantine/core';
import { useConversations } from '../api/use-conversations';

/** The unread message count beside "Messages" in the navigation (nothing when all is read). */
export function MessagesUnreadBadge() {
  const list = useConversations();
  const unread = list.data?.unreadTotal ?? 0;
  if (!unread) return null;
  return (
    <Badge size="sm" variant="filled" circle={unread < 10} aria-label={`${unread} unread`}>
      {unread > 99 ? '99+' : unread}
    </Badge>
  );
}
