import type { Notification, NotificationType } from '@doctime/contracts';
import { Group, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import {
  IconBell,
  IconCalendarCheck,
  IconCalendarRepeat,
  IconCalendarX,
  IconClockHour4,
  IconMessage,
  IconPrescription,
  IconShieldCheck,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { timeAgo } from '../api/notification-cache';
import classes from './notifications.module.css';

const ICONS: Record<NotificationType, ReactNode> = {
  'appointment.booked': <IconCalendarCheck size={18} />,
  'appointment.cancelled': <IconCalendarX size={18} />,
  'appointment.rescheduled': <IconCalendarRepeat size={18} />,
  'appointment.reminder': <IconClockHour4 size={18} />,
  'message.new': <IconMessage size={18} />,
  'prescription.issued': <IconPrescription size={18} />,
  'kyc.decided': <IconShieldCheck size={18} />,
};

/** One notification: icon, title, body, when; unread ones stand out. Activating it opens its link. */
export function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: (n: Notification) => void }) {
  const unread = !notification.readAt;
  return (
    <UnstyledButton className={classes.item} data-unread={unread || undefined} onClick={() => onOpen(notification)}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" radius="xl" size={32} color={unread ? 'teal' : 'gray'} aria-hidden>
          {ICONS[notification.type] ?? <IconBell size={18} />}
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
            <Text size="sm" fw={unread ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
              {unread ? <span className={classes.srOnly}>Unread: </span> : null}
              {notification.title}
            </Text>
            {unread ? <span className={classes.dot} aria-hidden /> : null}
          </Group>
          <Text size="xs" c="dimmed" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
            {notification.body}
          </Text>
          <Text size="xs" c="dimmed">
            <time dateTime={notification.createdAt}>{timeAgo(notification.createdAt, new Date())}</time>
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
