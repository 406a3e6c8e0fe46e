import { socketEvents } from '@doctime/contracts';
import { loadConversation } from './load-conversation.ts';
import type { MessagingDeps } from './ports.ts';

/** A tab of the caller received messages up to a seq: the sender's ticks turn to "delivered". */
export function makeMarkDelivered(deps: MessagingDeps) {
  return async function markDelivered(conversationId: string, userId: string, upToSeq: number) {
    const { conversation, peerId } = await loadConversation(deps, conversationId, userId);
    const upTo = Math.min(upToSeq, await deps.messages.tail(conversation.id));
    const entry = (await deps.inboxes.read(userId)).conversations[conversation.id];
    if (entry && entry.deliveredUpTo >= upTo) return { conversationId: conversation.id, deliveredUpTo: entry.deliveredUpTo };
    const inbox = await deps.inboxes.change(userId, { conversationId: conversation.id, peerId, deliveredUpTo: upTo });
    const deliveredUpTo = inbox.conversations[conversation.id]?.deliveredUpTo ?? upTo;
    deps.realtime.toUsers([peerId], socketEvents.conversationDelivered, {
      conversationId: conversation.id,
      userId,
      upToSeq: deliveredUpTo,
    });
    return { conversationId: conversation.id, deliveredUpTo };
  };
}
