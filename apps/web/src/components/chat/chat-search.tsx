import { Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../error-alert';
import { fetchMessages } from './chat-api';
import classes from './chat.module.css';
import { LinkifiedText } from './linkified-text';

/** Searches the conversation's text (GET messages?q=), newest matches last like the thread. */
export function ChatSearch({ conversationId, me, peerName }: { conversationId: string; me: string; peerName: string }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const results = useQuery({
    queryKey: ['conversation-search', conversationId, debounced],
    queryFn: ({ signal }) => fetchMessages(conversationId, { q: debounced, limit: 50 }, signal),
    enabled: debounced.length > 0,
  });

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
      {debounced && results.data ? (
        <Stack gap="xs" role="list" aria-label="Search results" aria-live="polite">
          {results.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No messages match “{debounced}”.
            </Text>
          ) : (
            results.data.items.map((message) => (
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
