import type { Conversation } from '@doctime/contracts';
import { ActionIcon, Alert, Avatar, Indicator, Skeleton, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDocumentVisibility, useInViewport } from '@mantine/hooks';
import { IconLock, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isApiError } from '../../lib/api-error';
import { useCurrentUser } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { LoadError } from '../load-error';
import { messagePreview, presenceLabel } from './chat-format';
import classes from './chat.module.css';
import { ChatSearch } from './chat-search';
import { Composer } from './composer';
import { peerOf } from './conversation-patch';
import { MessageList } from './message-list';
import { lastSeq } from './thread-state';
import { useConversation } from './use-conversation';
import { useThread } from './use-thread';
import { useTyping } from './use-typing';

export const READ_ONLY_FALLBACK = 'Messaging closes 14 days after the last consultation.';

interface ChatThreadProps {
  conversationId: string;
  /** Shown before the other participant's name, e.g. a Back button on phones. */
  leading?: ReactNode;
}

/** The other participant's name and presence, and the search toggle. */
function ThreadHeader({
  conversation,
  me,
  leading,
  searching,
  onToggleSearch,
}: {
  conversation: Conversation;
  me: string;
  leading?: ReactNode;
  searching: boolean;
  onToggleSearch: () => void;
}) {
  const peer = peerOf(conversation, me);
  return (
    <div className={classes.header}>
      {leading}
      <Indicator color="teal" size={10} offset={4} position="bottom-end" withBorder disabled={!conversation.peerOnline}>
        <Avatar name={peer.name} color="initials" radius="xl" size={36} alt="" />
      </Indicator>
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Title order={2} size="h5" style={{ overflowWrap: 'anywhere' }} lineClamp={1}>
          {peer.name}
        </Title>
        <Text size="xs" c="dimmed">
          {presenceLabel(conversation.peerOnline, conversation.peerLastSeenAt, new Date())}
        </Text>
      </Stack>
      <Tooltip label={searching ? 'Close search' : 'Search this conversation'} withArrow>
        <ActionIcon
          variant={searching ? 'light' : 'subtle'}
          color="gray"
          size="lg"
          onClick={onToggleSearch}
          aria-label={searching ? 'Close search' : 'Search this conversation'}
          aria-pressed={searching}
        >
          {searching ? <IconX size={18} aria-hidden /> : <IconSearch size={18} aria-hidden />}
        </ActionIcon>
      </Tooltip>
    </div>
  );
}

function Thread({ conversation, me, leading }: { conversation: Conversation; me: string; leading?: ReactNode }) {
  const thread = useThread(conversation.id, me);
  const typing = useTyping(conversation.id, me);
  const [searching, setSearching] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef<string | null>(null);
  const pageVisible = useDocumentVisibility() === 'visible';
  const { ref: viewportRef, inViewport } = useInViewport();
  const peer = peerOf(conversation, me);
  const { state, markRead } = thread;
  const upTo = lastSeq(state);

  // Read while someone can see it: the page is in front and the thread on screen.
  useEffect(() => {
    if (state.status === 'ready' && upTo > 0 && pageVisible && inViewport && !searching) markRead();
  }, [state.status, upTo, pageVisible, inViewport, searching, markRead]);

  // Announce messages from the other side that arrive while the thread is open (not the history).
  const latest = state.messages.at(-1);
  useEffect(() => {
    if (state.status !== 'ready' || !latest) return;
    if (announced.current !== null && latest.id !== announced.current && latest.senderId !== me)
      setAnnouncement(`New message from ${peer.name}: ${messagePreview(latest, me)}`);
    announced.current = latest.id;
  }, [state.status, latest, me, peer.name]);

  return (
    <div className={classes.thread} ref={viewportRef}>
      <ThreadHeader
        conversation={conversation}
        me={me}
        leading={leading}
        searching={searching}
        onToggleSearch={() => setSearching((open) => !open)}
      />
      <VisuallyHidden aria-live="polite" aria-atomic="true">
        {announcement}
      </VisuallyHidden>
      {searching ? (
        <ChatSearch conversationId={conversation.id} me={me} peerName={peer.name} />
      ) : state.status === 'error' ? (
        <div className={classes.scroller}>
          <LoadError error={state.error} title="Could not load the messages" onRetry={() => void thread.reload()} />
        </div>
      ) : (
        <MessageList
          state={state}
          me={me}
          peerName={peer.name}
          receipts={{ peerDeliveredUpTo: conversation.peerDeliveredUpTo ?? 0, peerReadUpTo: conversation.peerReadUpTo ?? 0 }}
          olderLoading={thread.olderLoading}
          olderError={thread.olderError}
          onLoadOlder={() => void thread.loadOlder()}
          onRetry={thread.retry}
          onDiscard={thread.discard}
        />
      )}
      <div className={classes.typingDots}>{typing.peerTyping ? `${peer.name} is typing…` : null}</div>
      {conversation.canPost ? (
        <>
          {conversation.openUntil ? (
            <Text size="xs" c="dimmed" px="sm">
              You can message until {formatDate(conversation.openUntil)} (14 days after the last consultation).
            </Text>
          ) : null}
          <Composer peerName={peer.name} onSend={thread.send} onTyping={typing.typing} onStopTyping={typing.stop} />
        </>
      ) : (
        <Alert
          color="gray"
          variant="light"
          radius={0}
          icon={<IconLock size={18} aria-hidden />}
          title="This conversation is read-only"
        >
          {conversation.readOnlyReason ?? READ_ONLY_FALLBACK}
        </Alert>
      )}
    </div>
  );
}

function ThreadSkeleton({ leading }: { leading?: ReactNode }) {
  return (
    <div className={classes.thread} role="status" aria-live="polite">
      <VisuallyHidden>Loading the conversation</VisuallyHidden>
      <div className={classes.header} aria-hidden>
        {leading}
        <Skeleton circle height={36} />
        <Stack gap={4} style={{ flex: 1 }}>
          <Skeleton height={14} width="40%" />
          <Skeleton height={10} width="25%" />
        </Stack>
      </div>
      <div className={classes.scroller} />
    </div>
  );
}

/**
 * A conversation: header with the other participant, the messages (history
 * paging, day separators, ticks, typing, search) and the composer, or why
 * it is read-only. Works the same on the Messages page and in a chat panel.
 */
export function ChatThread({ conversationId, leading }: ChatThreadProps) {
  const user = useCurrentUser();
  const conversation = useConversation(conversationId);

  if (conversation.isPending) return <ThreadSkeleton leading={leading} />;
  if (conversation.isError) {
    const missing = isApiError(conversation.error) && conversation.error.status === 404;
    return (
      <div className={classes.thread}>
        {leading ? <div className={classes.header}>{leading}</div> : null}
        <div className={classes.scroller}>
          {missing ? (
            <Text c="dimmed" size="sm">
              This conversation does not exist or is not yours.
            </Text>
          ) : (
            <LoadError
              error={conversation.error}
              title="Could not load this conversation"
              onRetry={() => void conversation.refetch()}
            />
          )}
        </div>
      </div>
    );
  }
  return <Thread key={conversationId} conversation={conversation.data} me={user.id} leading={leading} />;
}
