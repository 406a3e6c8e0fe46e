import {
  ActionIcon,
  Anchor,
  Button,
  Center,
  Divider,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useMarkNotificationsRead, useNotifications, useNotificationsLive } from '../api/use-notifications';
import { useOpenNotification } from '../hooks/use-open-notification';
import { NOTIFICATIONS_PAGE_PATH } from '../routes';
import { NotificationItem } from './notification-item';

const BELL_LIST = { unreadOnly: false, page: 1, limit: 8 };

/** The header's bell: unread badge, the latest notifications in a popover, "Mark all read", live over the socket. */
export function NotificationBell() {
  useNotificationsLive();
  const [opened, setOpened] = useState(false);
  const list = useNotifications(BELL_LIST);
  const markAll = useMarkNotificationsRead();
  const open = useOpenNotification(() => setOpened(false));
  const unread = list.data?.unread ?? 0;

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(380px, calc(100vw - 16px))"
      shadow="md"
      withinPortal
      trapFocus
    >
      <Indicator label={unread > 99 ? '99+' : unread} disabled={!unread} size={18} offset={4} color="red">
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
            aria-haspopup="dialog"
            aria-expanded={opened}
            onClick={() => setOpened((open) => !open)}
          >
            <IconBell size={18} aria-hidden />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} role="dialog" aria-label="Notifications">
        <Group justify="space-between" px="md" py="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} aria-hidden />}
            disabled={!unread}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined)}
          >
            Mark all read
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah="min(420px, 60dvh)" type="auto">
          {list.isPending ? (
            <Center p="lg">
              <Loader size="sm" aria-label="Loading notifications" />
            </Center>
          ) : list.isError ? (
            <div style={{ padding: 12 }}>
              <ErrorAlert error={list.error} title="Could not load notifications" />
            </div>
          ) : list.data.items.length === 0 ? (
            <Text size="sm" c="dimmed" ta="center" p="lg">
              You have no notifications yet.
            </Text>
          ) : (
            <Stack gap={2} p={4} role="list">
              {list.data.items.map((notification) => (
                <div role="listitem" key={notification.id}>
                  <NotificationItem notification={notification} onOpen={open} />
                </div>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <ErrorAlert error={markAll.error} />
        <Divider />
        <Center py="xs">
          <Anchor component={Link} to={NOTIFICATIONS_PAGE_PATH} size="sm" onClick={() => setOpened(false)}>
            View all notifications
          </Anchor>
        </Center>
      </Popover.Dropdown>
    </Popover>
  );
}
