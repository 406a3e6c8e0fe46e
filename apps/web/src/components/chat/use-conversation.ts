import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { CHAT_API, conversationKey, type ConversationData } from './chat-api';

/** GET /conversations/:id: the conversation with how far each side has received and read (kept live by useChatLive). */
export function useConversation(conversationId: string) {
  return useQuery({
    queryKey: conversationKey(conversationId),
    queryFn: ({ signal }) => api.get<ConversationData>(CHAT_API.conversation(conversationId), { signal }),
    select: (data) => data.conversation,
    enabled: conversationId !== '',
  });
}
