import { matches, type Message } from '../domain/message.ts';
import { loadConversation } from './load-conversation.ts';
import { messageView } from './message-view.ts';
import type { MessagingDeps } from './ports.ts';

/** A search reads back at most this many messages (a consultation's chat is far shorter). */
const SEARCH_DEPTH = 5_000;
const SEARCH_STEP = 200;

export interface MessageQuery {
  before?: number;
  after?: number;
  limit: number;
  q?: string;
}

/**
 * A page of the caller's conversation, oldest first: the latest messages,
 * those before a seq (scrolling back), those after a seq (catching up after
 * being offline: exactly what was missed; with `before` too, only up to
 * it), or the newest matches of a search.
 */
export function makeListMessages(deps: MessagingDeps) {
  async function search(conversationId: string, tail: number, q: string, limit: number) {
    const found: Message[] = [];
    let to = tail;
    for (; to >= 1 && tail - to < SEARCH_DEPTH && found.length <= limit; to -= SEARCH_STEP) {
      const page = await deps.messages.range(conversationId, Math.max(1, to - SEARCH_STEP + 1), to);
      found.push(...page.reverse().filter((m) => matches(m, q)));
    }
    return { items: found.slice(0, limit).reverse(), hasMore: found.length > limit || (to >= 1 && tail - to >= SEARCH_DEPTH) };
  }

  return async function listMessages(conversationId: string, userId: string, query: MessageQuery) {
    await loadConversation(deps, conversationId, userId);
    const tail = await deps.messages.tail(conversationId);
    const { limit } = query;
    if (query.q) {
      const result = await search(conversationId, tail, query.q, limit);
      return { items: result.items.map(messageView), hasMore: result.hasMore };
    }
    if (query.after !== undefined) {
      const end = Math.min(tail, (query.before ?? tail + 1) - 1);
      const to = Math.min(end, query.after + limit);
      const items = to > query.after ? await deps.messages.range(conversationId, query.after + 1, to) : [];
      return { items: items.map(messageView), hasMore: to < end };
    }
    const to = Math.min(tail, (query.before ?? tail + 1) - 1);
    const from = Math.max(1, to - limit + 1);
    const items = to >= 1 ? await deps.messages.range(conversationId, from, to) : [];
    return { items: items.map(messageView), hasMore: from > 1 };
  };
}
