import type { ConversationList } from '@doctime/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CHAT_API, conversationListKey } from '../../../components/chat/chat-api';
import { api } from '../../../lib/api-client';

export const CONVERSATIONS_PAGE_SIZE = 30;

/** GET /conversations: the caller's conversations, latest activity first, with the unread total (kept live by useChatLive). */
export function useConversations(page = 1) {
  return useQuery({
    queryKey: conversationListKey(page, CONVERSATIONS_PAGE_SIZE),
    queryFn: ({ signal }) =>
      api.get<ConversationList>(`${CHAT_API.conversations}?page=${page}&limit=${CONVERSATIONS_PAGE_SIZE}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
