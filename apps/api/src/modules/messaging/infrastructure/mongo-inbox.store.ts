import type { Db } from 'mongodb';
import { makeFoldedStore } from '../../../platform/mongo/folded-store.ts';
import type { InboxStore, PairStore } from '../application/ports.ts';
import { inboxChange, inboxFold, type InboxChange, type InboxState } from '../domain/inbox.ts';
import { isNewer, pairFold, type PairChange, type PairState } from '../domain/posting-window.ts';

/** Each user's inbox as a folded record (`conversation_inboxes`, changes insert-only). */
export function makeMongoInboxStore(db: Db): InboxStore {
  const store = makeFoldedStore<InboxState, InboxChange>(db, 'conversation_inboxes', inboxFold);
  return {
    peek: async (userId) => (await store.peek(userId)).state,
    change: async (userId, change) => (await store.change(userId, (state) => inboxChange(state, change))).state,
  };
}

/** Each pair's appointments (`conversation_pairs`), keyed by the conversation id. */
export function makeMongoPairStore(db: Db): PairStore {
  const store = makeFoldedStore<PairState, PairChange>(db, 'conversation_pairs', pairFold);
  return {
    peek: async (id) => (await store.peek(id)).state,
    fold: async (id, change) => (await store.change(id, (state) => (isNewer(state, change) ? change : null))).state,
  };
}
