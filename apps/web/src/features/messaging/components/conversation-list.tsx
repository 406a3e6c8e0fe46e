import type { Conversation } from '@doctime/contracts';
import { Avatar, Badge, Group, Indicator, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { messagePreview } from '../../../components/chat/chat-format';
import { peerOf } from '../../../components/chat/conversation-patch';
import classes from './messages.module.css';

const sameDayFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const otherDayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

function when(iso: string): string {
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? sameDayFormat.format(date) : otherDayFormat.format(date);
}

interface ConversationListProps {
  conversations: Conversation[];
  me: string;
  activeId: string | undefined;
  linkTo: (conversationId: string) => string;
}

/** The caller's conversations: the other party with presence, the last message, unread count, read-only mark. */
export function ConversationList({ conversations, me, activeId, linkTo }: ConversationListProps) {
  return (
    <nav aria-label="Conversations">
      <ul className={classes.list}>
        {conversations.map((conversation) => {
          const peer = peerOf(conversation, me);
          const active = conversation.id === activeId;
          const unread = conversation.unreadCount;
          return (
            <li key={conversation.id}>
              <UnstyledButton
                component={Link}
                to={linkTo(conversation.id)}
                className={classes.item}
                data-active={active || undefined}
                aria-current={active ? 'page' : undefined}
              >
                <Indicator color="teal" size={10} offset={4} position="bottom-end" withBorder disabled={!conversation.peerOnline}>
                  <Avatar name={peer.name} color="initials" radius="xl" size={40} alt="" />
                </Indicator>
                <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                  <Group gap={4} wrap="nowrap" justify="space-between">
                    <Text size="sm" fw={unread ? 700 : 600} truncate="end">
                      {peer.name}
                      <span className={classes.srOnly}>{conversation.peerOnline ? ' (online)' : ''}</span>
                    </Text>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {when(conversation.lastActivityAt)}
                    </Text>
                  </Group>
                  <Group gap={4} wrap="nowrap" justify="space-between">
                    <Text size="xs" c={unread ? undefined : 'dimmed'} fw={unread ? 600 : undefined} truncate="end">
                      {conversation.lastMessage ? messagePreview(conversation.lastMessage, me) : 'No messages yet'}
                    </Text>
                    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                      {conversation.canPost ? null : (
                        <Tooltip label={conversation.readOnlyReason ?? 'Read-only'} withArrow>
                          <span role="img" aria-label="Read-only" style={{ display: 'inline-flex' }}>
                            <IconLock size={14} color="var(--mantine-color-gray-6)" aria-hidden />
                          </span>
                        </Tooltip>
                      )}
                      {unread ? (
                        <Badge size="sm" circle={unread < 10} aria-label={`${unread} unread`}>
                          {unread > 99 ? '99+' : unread}
                        </Badge>
                      ) : null}
                    </Group>
                  </Group>
                </Stack>
              </UnstyledButton>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
