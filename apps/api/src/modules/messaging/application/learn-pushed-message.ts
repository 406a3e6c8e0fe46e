import { peerOf } from '../domain/message.ts';
import type { MessagingDeps } from './ports.ts';

/**
 * What this process learns when another process pushes a message it stored (hints only, so
 * nothing here is awaited by anyone): the conversation's last seq, so the next append here
 * starts after it instead of looking for the end; and that both participants' inboxes change
 * there next, so the next change here reads them first instead of colliding with that write.
 */
export function makeLearnPushedMessage(deps: MessagingDeps) {
  return async function learnPushedMessage(message: { conversationId: string; seq: number; senderId: string }) {
    deps.messages.learnStored(message.conversationId, message.seq);
    deps.inboxes.forget(message.senderId);
    const conversation = await deps.conversations.findById(message.conversationId, { evenErased: true });
    const peerId = conversation && peerOf(conversation, message.senderId);
    if (peerId) deps.inboxes.forget(peerId);
  };
}
