import { socketEvents } from '@doctime/contracts';
import { loadConversation } from './load-conversation.ts';
import type { MessagingDeps } from './ports.ts';

/** "Is typing" goes to the other participant's sockets only; nothing is stored. */
export function makeRelayTyping(deps: MessagingDeps) {
  return async function relayTyping(conversationId: string, userId: string, isTyping: boolean) {
    const { conversation, peerId } = await loadConversation(deps, conversationId, userId);
    deps.realtime.toUsers([peerId], socketEvents.typing, { conversationId: conversation.id, userId, isTyping });
  };
}
