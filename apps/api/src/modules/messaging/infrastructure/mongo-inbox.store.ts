import type { Db, Document } from 'mongodb';
import { makeFoldedStore, type Fold } from '../../../platform/mongo/folded-store.ts';
import type { InboxStore, PairStore } from '../application/ports.ts';
import { inboxChange, inboxFold, type InboxChange, type InboxState } from '../domain/inbox.ts';
import { isNewer, pairFold, type PairChange, type PairState } from '../domain/posting-window.ts';

const INBOXES = 'conversation_inboxes';
const PAIRS = 'conversation_pairs';

/** Each user's inbox as a folded record (`conversation_inboxes`, changes insert-only). */
export function makeMongoInboxStore(db: Db): InboxStore {
  const store = makeFoldedStore<InboxState, InboxChange>(db, INBOXES, inboxFold);
  return {
    peek: async (userId) => (await store.peek(userId)).state,
    change: async (userId, change) => (await store.change(userId, (state) => inboxChange(state, change))).state,
  };
}

/** Each pair's appointments (`conversation_pairs`), keyed by the conversation id. */
export function makeMongoPairStore(db: Db): PairStore {
  const store = makeFoldedStore<PairState, PairChange>(db, PAIRS, pairFold);
  return {
    peek: async (id) => (await store.peek(id)).state,
    fold: async (id, change) => (await store.change(id, (state) => (isNewer(state, change) ? change : null))).state,
  };
}

/** Creates records in bulk, each the fold of its changes: heads only, which is all readers and the next writer look at. */
function importFolded<S extends Document, C extends Document>(
  db: Db,
  name: string,
  fold: Fold<S, C>,
  records: { id: string; changes: C[] }[],
) {
  const all = {
    empty: fold.empty,
    apply: (state: S, { changes }: { changes: C[] }) => changes.reduce((s, c) => fold.apply(s, c), state),
  };
  return makeFoldedStore(db, name, all).importMany(records.map(({ id, changes }) => ({ id, change: { changes } })));
}

/** Creates users' inboxes (an import into a database no API process serves; fails if one exists). */
export const importInboxes = (db: Db, inboxes: { userId: string; changes: InboxChange[] }[]) =>
  importFolded(
    db,
    INBOXES,
    inboxFold,
    inboxes.map(({ userId, changes }) => ({ id: userId, changes })),
  );

/** Creates pairs' appointment records, keyed by the conversation id (an import, like `importInboxes`). */
export const importPairs = (db: Db, pairs: { conversationId: string; changes: PairChange[] }[]) =>
  importFolded(
    db,
    PAIRS,
    pairFold,
    pairs.map(({ conversationId, changes }) => ({ id: conversationId, changes })),
  );
