import type { Conversation } from '../domain/message.ts';
import { byActivity, unreadIn } from '../domain/inbox.ts';
import { conversationViews } from './conversation-view.ts';
import type { MessagingDeps } from './ports.ts';

/** The caller's conversations, latest activity first, a page at a time: one inbox read, then the page's records. */
export function makeListConversations(deps: MessagingDeps) {
  return async function listConversations(userId: string, page: number, limit: number) {
    const inbox = await deps.inboxes.read(userId);
    const ids = byActivity(inbox);
    const shown = ids.slice((page - 1) * limit, page * limit);
    const records = await Promise.all(shown.map((id) => deps.conversations.findById(id)));
    const found = records.filter((c): c is Conversation => c !== null);
    const items = await conversationViews(
      deps,
      userId,
      found.map((conversation) => ({ conversation, entry: inbox.conversations[conversation.id] })),
    );
    const unreadTotal = Object.values(inbox.conversations).reduce((sum, entry) => sum + unreadIn(entry), 0);
    return { items, total: ids.length, page, limit, unreadTotal };
  };
}
