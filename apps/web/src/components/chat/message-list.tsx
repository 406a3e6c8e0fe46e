import { Button, Center, Loader, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowUp } from '@tabler/icons-react';
import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import { ErrorAlert } from '../error-alert';
import { dayLabel, deliveryOf, groupByDay } from './chat-format';
import classes from './chat.module.css';
import { MessageBubble, PendingBubble } from './message-bubble';
import type { PendingMessage, ThreadState } from './thread-state';

/** Near enough to the bottom to follow new messages. */
const STICK_PX = 80;

interface MessageListProps {
  state: ThreadState;
  me: string;
  peerName: string;
  receipts: { peerDeliveredUpTo: number; peerReadUpTo: number };
  olderLoading: boolean;
  olderError: unknown;
  onLoadOlder: () => void;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

type Item =
  | { type: 'message'; message: ThreadState['messages'][number]; createdAt: string }
  | { type: 'pending'; entry: PendingMessage; createdAt: string };

function ListSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-live="polite">
      <VisuallyHidden>Loading messages</VisuallyHidden>
      {[60, 40, 70, 50].map((width, index) => (
        <Skeleton key={index} height={36} width={`${width}%`} radius="lg" ml={index % 2 ? 'auto' : 0} aria-hidden />
      ))}
    </Stack>
  );
}

/**
 * The messages of a thread, oldest at the top, with day separators. It
 * follows new messages while the reader is at the bottom, keeps the view
 * still when older ones are loaded above, and loads them on reaching the top.
 */
export function MessageList({
  state,
  me,
  peerName,
  receipts,
  olderLoading,
  olderError,
  onLoadOlder,
  onRetry,
  onDiscard,
}: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const fromBottom = useRef(0);
  const firstSeq = useRef<number | undefined>(undefined);

  const items: Item[] = [
    ...state.messages.map((message) => ({ type: 'message' as const, message, createdAt: message.createdAt })),
    ...state.pending.map((entry) => ({ type: 'pending' as const, entry, createdAt: entry.createdAt })),
  ];
  const lastKey = items.length
    ? items.at(-1)!.type === 'message'
      ? state.messages.at(-1)!.id
      : state.pending.at(-1)!.clientId
    : '';
  const lastIsOwnPending = items.at(-1)?.type === 'pending';

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    fromBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight;
    atBottom.current = fromBottom.current < STICK_PX;
    if (el.scrollTop < 40 && state.hasOlder && !olderLoading && !olderError) onLoadOlder();
  };

  // Older messages added above: keep the same messages in view.
  const first = state.messages[0]?.seq;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && first !== undefined && firstSeq.current !== undefined && first < firstSeq.current)
      el.scrollTop = el.scrollHeight - el.clientHeight - fromBottom.current;
    firstSeq.current = first;
  }, [first]);

  // A new message at the bottom (or the caller's own): follow it when reading the latest.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && (atBottom.current || lastIsOwnPending)) {
      el.scrollTop = el.scrollHeight;
      atBottom.current = true;
    }
  }, [lastKey, lastIsOwnPending]);

  // Images and players that load later grow the list: stay at the bottom if there.
  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, [state.status]);

  const now = new Date();
  return (
    <div ref={scroller} className={classes.scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label="Message history">
      <div ref={content}>
        {state.status === 'loading' ? (
          <ListSkeleton />
        ) : (
          <>
            {state.hasOlder ? (
              <Center mb="xs">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={olderLoading ? <Loader size={12} /> : <IconArrowUp size={14} aria-hidden />}
                  onClick={onLoadOlder}
                  disabled={olderLoading}
                >
                  {olderLoading ? 'Loading earlier messages…' : 'Load earlier messages'}
                </Button>
              </Center>
            ) : null}
            {olderError ? <ErrorAlert error={olderError} title="Could not load earlier messages" /> : null}
            {items.length === 0 ? (
              <Text c="dimmed" size="sm" ta="center" py="xl">
                No messages yet. Say hello to {peerName}.
              </Text>
            ) : null}
            {groupByDay(items).map((group) => (
              <Fragment key={group.day}>
                <div className={classes.day}>
                  <span className={classes.dayLabel}>{dayLabel(group.items[0]!.createdAt, now)}</span>
                </div>
                <div role="list" aria-label={`Messages of ${dayLabel(group.items[0]!.createdAt, now)}`}>
                  {group.items.map((item) =>
                    item.type === 'message' ? (
                      <MessageBubble
                        key={item.message.id}
                        message={item.message}
                        own={item.message.senderId === me}
                        senderName={peerName}
                        delivery={item.message.senderId === me ? deliveryOf(item.message.seq, receipts) : undefined}
                      />
                    ) : (
                      <PendingBubble
                        key={item.entry.clientId}
                        entry={item.entry}
                        onRetry={() => onRetry(item.entry.clientId)}
                        onDiscard={() => onDiscard(item.entry.clientId)}
                      />
                    ),
                  )}
                </div>
              </Fragment>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
