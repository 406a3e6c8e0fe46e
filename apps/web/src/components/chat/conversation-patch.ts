import type { Conversation, ConversationList, Message } from '@doctime/contracts';

/**
 * Live events applied to cached conversations (pure), so lists and threads
 * change at once; a refetch after each reconnect settles anything missed.
 */

export type ConversationEvent =
  | { type: 'message'; message: Message }
  | { type: 'read'; conversationId: string; userId: string; upToSeq: number }
  | { type: 'delivered'; conversationId: string; userId: string; upToSeq: number }
  | { type: 'presence'; userId: string; online: boolean; at: string };

/** The other participant, as the caller sees the conversation. */
export function peerOf(conversation: Pick<Conversation, 'patient' | 'doctor'>, me: string): { id: string; name: string } {
  return conversation.patient.id === me ? conversation.doctor : conversation.patient;
}

function concerns(conversation: Conversation, event: ConversationEvent): boolean {
  if (event.type === 'presence') return true;
  return conversation.id === (event.type === 'message' ? event.message.conversationId : event.conversationId);
}

/** The conversation after the event, or the same object when it changes nothing. */
export function applyEvent(conversation: Conversation, event: ConversationEvent, me: string): Conversation {
  if (!concerns(conversation, event)) return conversation;
  switch (event.type) {
    case 'message': {
      const { message } = event;
      if (conversation.lastMessage && conversation.lastMessage.seq >= message.seq) return conversation;
      const unread = message.senderId !== me && message.seq > conversation.readUpTo;
      return {
        ...conversation,
        lastMessage: message,
        lastActivityAt: message.createdAt,
        unreadCount: conversation.unreadCount + (unread ? 1 : 0),
      };
    }
    case 'read':
      if (event.userId === me) {
        if (event.upToSeq <= conversation.readUpTo) return conversation;
        const allRead = !conversation.lastMessage || event.upToSeq >= conversation.lastMessage.seq;
        return { ...conversation, readUpTo: event.upToSeq, unreadCount: allRead ? 0 : conversation.unreadCount };
      }
      if (event.upToSeq <= (conversation.peerReadUpTo ?? 0)) return conversation;
      return {
        ...conversation,
        peerReadUpTo: event.upToSeq,
        peerDeliveredUpTo: Math.max(conversation.peerDeliveredUpTo ?? 0, event.upToSeq),
      };
    case 'delivered':
      if (event.userId === me || event.upToSeq <= (conversation.peerDeliveredUpTo ?? 0)) return conversation;
      return { ...conversation, peerDeliveredUpTo: event.upToSeq };
    case 'presence':
      if (peerOf(conversation, me).id !== event.userId || conversation.peerOnline === event.online) return conversation;
      return { ...conversation, peerOnline: event.online, peerLastSeenAt: event.online ? conversation.peerLastSeenAt : event.at };
  }
}

/** A list page after the event: items changed, unread total kept in step, latest activity first. */
export function applyEventToList(list: ConversationList, event: ConversationEvent, me: string): ConversationList {
  let changed = false;
  let unreadDelta = 0;
  const items = list.items.map((conversation) => {
    const next = applyEvent(conversation, event, me);
    if (next !== conversation) {
      changed = true;
      unreadDelta += next.unreadCount - conversation.unreadCount;
    }
    return next;
  });
  if (!changed) return list;
  items.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
  return { ...list, items, unreadTotal: Math.max(0, list.unreadTotal + unreadDelta) };
}
