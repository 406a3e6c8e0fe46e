import type { MarkNotificationsReadResponse, Notification, NotificationList } from '@doctime/contracts';
import { socketEvents } from '@doctime/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { useRealtimeEvent } from '../../../lib/realtime';
import type { SchemaOutput } from '../../../lib/schema-types';
import { withNewNotification, withRead, type NotificationListParams } from './notification-cache';

export const NOTIFICATIONS_API = {
  list: '/api/v1/notifications',
  read: '/api/v1/notifications/read',
} as const;

const NOTIFICATIONS_KEY = ['notifications'] as const;
const listKey = (params: NotificationListParams) => [...NOTIFICATIONS_KEY, 'list', params] as const;

/** GET /notifications: newest first, with the caller's unread count. */
export function useNotifications(params: NotificationListParams) {
  const search = new URLSearchParams({ page: String(params.page), limit: String(params.limit) });
  if (params.unreadOnly) search.set('unreadOnly', 'true');
  return useQuery({
    queryKey: listKey(params),
    queryFn: ({ signal }) => api.get<NotificationList>(`${NOTIFICATIONS_API.list}?${search}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

type ReadResponse = SchemaOutput<typeof MarkNotificationsReadResponse>;

/** POST /notifications/read {ids?}: the given ones, or all. Every cached list follows. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api.post<ReadResponse>(NOTIFICATIONS_API.read, ids ? { ids } : {}),
    onSuccess: ({ unread }, ids) => {
      const at = new Date().toISOString();
      queryClient.setQueriesData<NotificationList>(
        { queryKey: NOTIFICATIONS_KEY },
        (list) => list && withRead(list, ids, unread, at),
      );
      void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    },
  });
}

/** Keeps the cached notifications live: `notification:new` shows at once; every (re)connect refetches. */
export function useNotificationsLive() {
  const queryClient = useQueryClient();
  useRealtimeEvent<{ notification: Notification }>(socketEvents.notificationNew, ({ notification }) => {
    for (const query of queryClient.getQueryCache().findAll({ queryKey: [...NOTIFICATIONS_KEY, 'list'] })) {
      const params = query.queryKey[2] as NotificationListParams;
      queryClient.setQueryData<NotificationList>(
        query.queryKey,
        (list) => list && withNewNotification(list, notification, params),
      );
    }
  });
  useRealtimeEvent('connect', () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }));
}
