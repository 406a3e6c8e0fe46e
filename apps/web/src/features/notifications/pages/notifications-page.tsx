import { Button, Group, Paper, SegmentedControl, Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { IconBellOff, IconChecks } from '@tabler/icons-react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { PageTitle } from '../../../components/page-title';
import { PagedResults } from '../../../components/paged-results';
import { readChoice, useUrlParams } from '../../../lib/url-state';
import { usePageParam } from '../../../lib/page-param';
import { useMarkNotificationsRead, useNotifications } from '../api/use-notifications';
import { NotificationItem } from '../components/notification-item';
import { useOpenNotification } from '../hooks/use-open-notification';

const LIMIT = 20;
const SHOW = ['all', 'unread'] as const;

function ListSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-live="polite">
      <VisuallyHidden>Loading notifications</VisuallyHidden>
      {Array.from({ length: 4 }, (_, index) => (
        <Skeleton key={index} height={64} radius="md" aria-hidden />
      ))}
    </Stack>
  );
}

/** /notifications?show=unread&page=: the whole notification centre, for every role. */
export function NotificationsPage() {
  const [params, setParams] = useUrlParams();
  const show = readChoice(params, 'show', SHOW, 'all');
  const [page, setPage] = usePageParam();
  const list = useNotifications({ unreadOnly: show === 'unread', page, limit: LIMIT });
  const markAll = useMarkNotificationsRead();
  const open = useOpenNotification();
  const unread = list.data?.unread ?? 0;

  return (
    <>
      <PageTitle description="Bookings, reminders, messages and decisions about your account.">Notifications</PageTitle>
      <Group justify="space-between" mb="md" gap="sm">
        <SegmentedControl
          aria-label="Show"
          value={show}
          onChange={(value) => setParams({ show: value === 'all' ? null : value })}
          data={[
            { value: 'all', label: 'All' },
            { value: 'unread', label: unread ? `Unread (${unread})` : 'Unread' },
          ]}
        />
        <Button
          variant="light"
          leftSection={<IconChecks size={16} aria-hidden />}
          disabled={!unread}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined)}
        >
          Mark all read
        </Button>
      </Group>
      <ErrorAlert error={markAll.error} title="Could not mark them read" />
      <PagedResults
        query={list}
        loading={<ListSkeleton />}
        errorTitle="Could not load your notifications"
        empty={
          <EmptyState title={show === 'unread' ? 'All caught up' : 'No notifications yet'} icon={<IconBellOff size={28} />}>
            {show === 'unread' ? 'You have read every notification.' : 'Bookings, reminders and messages will show up here.'}
          </EmptyState>
        }
        pager={{ page, limit: LIMIT, noun: 'notifications', onChange: setPage }}
      >
        {(items) => (
          <Paper withBorder radius="md" p={4}>
            <Stack gap={2} role="list" aria-label="Notifications">
              {items.map((notification) => (
                <div role="listitem" key={notification.id}>
                  <NotificationItem notification={notification} onOpen={open} />
                </div>
              ))}
            </Stack>
          </Paper>
        )}
      </PagedResults>
    </>
  );
}
