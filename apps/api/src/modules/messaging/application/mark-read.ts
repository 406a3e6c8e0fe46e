import { socketEvents } from '@doctime/contracts';
import { loadConversation } from './load-conversation.ts';
import type { MessagingDeps } from './ports.ts';

/**
 * Raises how far the caller has read (never lowers it; not past the last
 * message) and tells both participants' sockets, so the sender's ticks turn
 * to "read" and the reader's other tabs drop their badges.
 */
export function makeMarkRead(deps: MessagingDeps) {
  return async function markRead(conversationId: string, userId: string, upToSeq: number) {
    const { conversation, peerId } = await loadConversation(deps, conversationId, userId);
    const upTo = Math.min(upToSeq, await deps.messages.tail(conversation.id));
    const inbox = await deps.inboxes.change(userId, { conversationId: conversation.id, peerId, readUpTo: upTo });
    const readUpTo = inbox.conversations[conversation.id]?.readUpTo ?? upTo;
    deps.realtime.toUsers([userId, peerId], socketEvents.conversationRead, {
      conversationId: conversation.id,
      userId,
      upToSeq: readUpTo,
    });
    return { conversationId: conversation.id, readUpTo };
  };
}
