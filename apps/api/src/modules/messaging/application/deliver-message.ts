import { socketEvents } from '@doctime/contracts';
import { loadConversation } from './load-conversation.ts';
import { messageView } from './message-view.ts';
import type { MessagingDeps } from './ports.ts';

/**
 * The outbox's delivery of a stored message: to every socket of both
 * participants (on any API process), then into both inboxes (the sender has
 * read up to their own message). Safe to repeat: a client drops a message id
 * it has, and inbox counters only grow.
 */
export function makeDeliverMessage(deps: MessagingDeps) {
  return async function deliverMessage(payload: { conversationId: string; messageId: string }) {
    const message = await deps.messages.findById(payload.conversationId, payload.messageId);
    if (!message) throw new Error(`message ${payload.messageId} is not stored yet`);
    const { conversation, peerId } = await loadConversation(deps, message.conversationId, message.senderId);
    deps.realtime.toUsers([conversation.patientId, conversation.doctorId], socketEvents.messageNew, {
      message: messageView(message),
    });
    const at = message.createdAt.toISOString();
    await Promise.all([
      deps.inboxes.change(message.senderId, {
        conversationId: conversation.id,
        peerId,
        lastSeq: message.seq,
        at,
        readUpTo: message.seq,
      }),
      deps.inboxes.change(peerId, { conversationId: conversation.id, peerId: message.senderId, lastSeq: message.seq, at }),
    ]);
  };
}
