import { ActionIcon, Button, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconCalendarEvent, IconMessages } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ChatThread } from '../../../components/chat/chat-thread';
import { EmptyState } from '../../../components/empty-state';
import { LoadError } from '../../../components/load-error';
import { PageTitle } from '../../../components/page-title';
import { PaginationBar } from '../../../components/pagination-bar';
import { useCurrentUser } from '../../../lib/auth';
import { usePageParam } from '../../../lib/page-param';
import { CONVERSATIONS_PAGE_SIZE, useConversations } from '../api/use-conversations';
import { ConversationList } from '../components/conversation-list';
import classes from '../components/messages.module.css';
import { messagesPath } from '../routes';

function ListSkeleton() {
  return (
    <Stack gap="md" p="sm" role="status" aria-live="polite">
      <VisuallyHidden>Loading your conversations</VisuallyHidden>
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} style={{ display: 'flex', gap: 12 }} aria-hidden>
          <Skeleton circle height={40} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton height={12} width="60%" />
            <Skeleton height={10} width="85%" />
          </Stack>
        </div>
      ))}
    </Stack>
  );
}

/**
 * /patient/messages[/:conversationId] and /doctor/messages[/:conversationId]:
 * the conversation list beside the open thread; on a phone, one screen at a
 * time (the list, or the thread with a way back).
 */
export function MessagesPage() {
  const user = useCurrentUser();
  const { conversationId } = useParams();
  const [page, setPage] = usePageParam();
  const list = useConversations(page);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const linkTo = (id: string) => messagesPath(user.role, id) + (page > 1 ? `?page=${page}` : '');

  const appointmentsPath = `/${user.role}/appointments`;
  const empty = (
    <EmptyState
      title="No conversations yet"
      icon={<IconMessages size={28} />}
      action={
        <Button component={Link} to={appointmentsPath} variant="light" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
          {user.role === 'doctor' ? 'Your appointments' : 'My appointments'}
        </Button>
      }
    >
      {user.role === 'doctor'
        ? 'A conversation opens with each patient who books a consultation with you.'
        : 'A conversation opens with a doctor once you book a consultation.'}
    </EmptyState>
  );

  if (list.isSuccess && list.data.total === 0 && !conversationId)
    return (
      <>
        <PageTitle>Messages</PageTitle>
        {empty}
      </>
    );

  const showList = wide || !conversationId;
  const showThread = wide || !!conversationId;
  const back = wide ? undefined : (
    <ActionIcon
      component={Link}
      to={messagesPath(user.role)}
      variant="subtle"
      color="gray"
      size="lg"
      aria-label="Back to conversations"
    >
      <IconArrowLeft size={20} aria-hidden />
    </ActionIcon>
  );

  return (
    <>
      {showList ? (
        <PageTitle description="Chat with your doctors and patients between consultations.">Messages</PageTitle>
      ) : (
        <title>Messages · DocTime</title>
      )}
      <div className={classes.layout} data-single={!wide || undefined} data-thread={conversationId ? true : undefined}>
        {showList ? (
          <div className={classes.sidebar}>
            {list.isPending ? (
              <ListSkeleton />
            ) : list.isError ? (
              <div style={{ padding: 12 }}>
                <LoadError error={list.error} title="Could not load your conversations" onRetry={() => void list.refetch()} />
              </div>
            ) : (
              <>
                <ConversationList conversations={list.data.items} me={user.id} activeId={conversationId} linkTo={linkTo} />
                <PaginationBar
                  page={page}
                  total={list.data.total}
                  limit={CONVERSATIONS_PAGE_SIZE}
                  onChange={setPage}
                  summary={false}
                />
              </>
            )}
          </div>
        ) : null}
        {showThread ? (
          conversationId ? (
            <ChatThread key={conversationId} conversationId={conversationId} leading={back} />
          ) : (
            <div className={classes.placeholder}>
              <Text c="dimmed" size="sm">
                Choose a conversation to read and reply.
              </Text>
            </div>
          )
        ) : null}
      </div>
    </>
  );
}
