import { conversationViews } from './conversation-view.ts';
import { loadConversation } from './load-conversation.ts';
import type { MessagingDeps } from './ports.ts';

/** One conversation of the caller, with how far the other side has received and read. */
export function makeGetConversation(deps: MessagingDeps) {
  return async function getConversation(conversationId: string, userId: string) {
    const { conversation } = await loadConversation(deps, conversationId, userId);
    const inbox = await deps.inboxes.read(userId);
    const [view] = await conversationViews(deps, userId, [{ conversation, entry: inbox.conversations[conversation.id] }], {
      peers: true,
    });
    return view!;
  };
}
