import type { ConversationList, Message } from '@doctime/contracts';
import { socketEvents } from '@doctime/contracts';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { emitRealtime, useRealtimeEvent } from '../../lib/realtime';
import { CONVERSATIONS_KEY, type ConversationData } from './chat-api';
import { applyEvent, applyEventToList, type ConversationEvent } from './conversation-patch';

/** Applies a live event to every cached conversation and list; true when some list held the conversation. */
export function patchConversations(queryClient: QueryClient, event: ConversationEvent, me: string): boolean {
  queryClient.setQueriesData<ConversationData>({ queryKey: [...CONVERSATIONS_KEY, 'one'] }, (data) => {
    if (!data) return data;
    const next = applyEvent(data.conversation, event, me);
    return next === data.conversation ? data : { conversation: next };
  });
  let listed = false;
  queryClient.setQueriesData<ConversationList>({ queryKey: [...CONVERSATIONS_KEY, 'list'] }, (list) => {
    if (!list) return list;
    if (event.type === 'message' && list.items.some((c) => c.id === event.message.conversationId)) listed = true;
    return applyEventToList(list, event, me);
  });
  return listed;
}

type Receipt = { conversationId: string; userId: string; upToSeq: number };

/**
 * Keeps the caller's cached conversations live (mount once for a signed-in
 * patient or doctor): new messages, receipts and presence patch the caches,
 * a message from the other side is acknowledged as delivered, and every
 * (re)connect refetches them.
 */
export function useChatLive(me: string): void {
  const queryClient = useQueryClient();

  useRealtimeEvent<{ message: Message }>(socketEvents.messageNew, ({ message }) => {
    if (message.senderId !== me)
      emitRealtime(socketEvents.conversationDelivered, { conversationId: message.conversationId, upToSeq: message.seq });
    const listed = patchConversations(queryClient, { type: 'message', message }, me);
    // A conversation the lists do not hold yet (its first message): fetch them again.
    if (!listed) void queryClient.invalidateQueries({ queryKey: [...CONVERSATIONS_KEY, 'list'] });
  });
  useRealtimeEvent<Receipt>(socketEvents.conversationRead, (receipt) =>
    patchConversations(queryClient, { type: 'read', ...receipt }, me),
  );
  useRealtimeEvent<Receipt>(socketEvents.conversationDelivered, (receipt) =>
    patchConversations(queryClient, { type: 'delivered', ...receipt }, me),
  );
  useRealtimeEvent<{ userId: string; online: boolean }>(socketEvents.presence, ({ userId, online }) =>
    patchConversations(queryClient, { type: 'presence', userId, online, at: new Date().toISOString() }, me),
  );
  // `message:new` is pushed before the inboxes are written, the recipient's notice of a new burst
  // after them: a list fetched in between missed the message, so the notice fetches it again.
  useRealtimeEvent<{ notification: { type: string } }>(socketEvents.notificationNew, ({ notification }) => {
    if (notification.type === 'message.new') void queryClient.invalidateQueries({ queryKey: [...CONVERSATIONS_KEY, 'list'] });
  });
  useRealtimeEvent('connect', () => void queryClient.invalidateQueries({ queryKey: CONVERSATIONS_KEY }));
}
