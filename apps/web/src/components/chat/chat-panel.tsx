import { Card, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { errorMessage } from '../../lib/api-error';
import { CHAT_API, conversationKey, type ConversationData } from './chat-api';
import { ChatThread } from './chat-thread';

/**
 * The chat of an appointment's patient and doctor, for its detail page:
 * POST /conversations {appointmentId} (created on first call), then the same
 * thread as the Messages page.
 */
export function ChatPanel({ appointmentId }: { appointmentId: string }) {
  const queryClient = useQueryClient();
  const opened = useQuery({
    queryKey: ['chat-panel', appointmentId],
    queryFn: async () => {
      const data = await api.post<ConversationData>(CHAT_API.conversations, { appointmentId });
      queryClient.setQueryData(conversationKey(data.conversation.id), data);
      return data.conversation.id;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <Card withBorder radius="md" padding={0} component="section" aria-label="Messages" h={{ base: '75dvh', sm: 560 }}>
      {opened.isError ? (
        <Text size="sm" c="dimmed" p="lg">
          Messaging is not available for this appointment: {errorMessage(opened.error)}
        </Text>
      ) : (
        <ChatThread conversationId={opened.data ?? ''} />
      )}
    </Card>
  );
}
