import { Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../error-alert';
import { fetchMessages } from './chat-api';
import classes from './chat.module.css';
import { LinkifiedText } from './linkified-text';

/**
 * Searches the conversation's text (GET messages?q=), newest matches last like the thread; a
 * search reads back 500 messages at a time, and "Search earlier messages" goes on from there.
 */
export function ChatSearch({ conversationId, me, peerName }: { conversationId: string; me: string; peerName: string }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const results = useInfiniteQuery({
    queryKey: ['conversation-search', conversationId, debounced],
    queryFn: ({ pageParam, signal }) => fetchMessages(conversationId, { q: debounced, limit: 50, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.searchedFrom : undefined),
    enabled: debounced.length > 0,
  });
  // Each page is older than the one before it: the oldest first, like the thread.
  const found = results.data ? [...results.data.pages].reverse().flatMap((page) => page.items) : [];

  return (
    <div className={classes.scroller}>
      <TextInput
        label="Search this conversation"
        placeholder="Words in a message"
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={results.isFetching ? <Loader size={14} /> : null}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        maxLength={100}
        autoFocus
        mb="sm"
      />
      <ErrorAlert error={results.error} title="Could not search" />
      {debounced && results.hasNextPage ? (
        <Button
          variant="subtle"
          size="xs"
          mb="xs"
          loading={results.isFetchingNextPage}
          onClick={() => void results.fetchNextPage()}
        >
          Search earlier messages
        </Button>
      ) : null}
      {debounced && results.data ? (
        <Stack gap="xs" role="list" aria-label="Search results" aria-live="polite">
          {found.length === 0 ? (
            <Text size="sm" c="dimmed">
              No {results.hasNextPage ? 'recent ' : ''}messages match “{debounced}”.
            </Text>
          ) : (
            found.map((message) => (
              <div key={message.id} role="listitem" className={classes.bubble} style={{ maxWidth: '100%' }}>
                <Text size="xs" c="dimmed">
                  {message.senderId === me ? 'You' : peerName} · {formatDateTime(message.createdAt)}
                </Text>
                <div className={classes.text}>
                  <LinkifiedText text={message.text ?? ''} />
                </div>
              </div>
            ))
          )}
        </Stack>
      ) : null}
    </div>
  );
}
