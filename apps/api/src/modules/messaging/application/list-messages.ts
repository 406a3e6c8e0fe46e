import { matches } from '../domain/message.ts';
import { loadConversation } from './load-conversation.ts';
import { messageView } from './message-view.ts';
import type { MessagingDeps } from './ports.ts';

/** A search reads back this many messages a request (a consultation's chat is far shorter); `searchedFrom` goes on. */
const SEARCH_DEPTH = 500;

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
 * it), or the newest matches of a search (before `before`, a window at a time).
 */
export function makeListMessages(deps: MessagingDeps) {
  /**
   * The newest `limit` matches among the SEARCH_DEPTH messages before `before`, and where a next
   * request goes on (`searchedFrom`, its `before`): the oldest match shown when there were more,
   * else the oldest message read.
   */
  async function search(conversationId: string, before: number, q: string, limit: number) {
    const from = Math.max(1, before - SEARCH_DEPTH);
    const read = before > 1 ? await deps.messages.range(conversationId, from, before - 1) : [];
    const found = read.filter((m) => matches(m, q));
    const items = found.slice(-limit);
    const more = found.length > limit;
    return { items, hasMore: more || from > 1, searchedFrom: more ? items[0]!.seq : from };
  }

  return async function listMessages(conversationId: string, userId: string, query: MessageQuery) {
    await loadConversation(deps, conversationId, userId);
    const tail = await deps.messages.tail(conversationId);
    const { limit } = query;
    if (query.q) {
      const result = await search(conversationId, Math.min(tail + 1, query.before ?? tail + 1), query.q, limit);
      return { ...result, items: result.items.map(messageView) };
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
