import type { Db, Document } from 'mongodb';
import { makeFoldedStore, type Fold } from '../../../platform/mongo/folded-store.ts';
import { makeRevalidatingCache } from '../../../platform/revalidating-cache.ts';
import type { InboxStore, PairStore } from '../application/ports.ts';
import { inboxChange, inboxFold, type InboxChange, type InboxCommit, type InboxState } from '../domain/inbox.ts';
import { isNewer, pairFold, type PairChange, type PairState } from '../domain/posting-window.ts';

const INBOXES = 'conversation_inboxes';
const PAIRS = 'conversation_pairs';

/**
 * Each user's inbox as a folded record (`conversation_inboxes`, changes
 * insert-only). Writes to one user's inbox queue up in this process and go as
 * one commit: a busy inbox (a doctor hearing from many patients) costs one
 * write per round trip, not one per message.
 */
export function makeMongoInboxStore(db: Db): InboxStore {
  const store = makeFoldedStore<InboxState, InboxCommit>(db, INBOXES, inboxFold, { remember: 10_000 });
  type Waiting = { change: InboxChange; resolve(state: InboxState): void; reject(error: unknown): void };
  const queues = new Map<string, Waiting[]>();

  async function drain(userId: string, queue: Waiting[]) {
    while (queue.length) {
      const batch = queue.splice(0);
      try {
        const { state } = await store.change(userId, (current) => {
          const changes = batch.flatMap(({ change }) => inboxChange(current, change) ?? []);
          return changes.length ? (changes.length === 1 ? changes[0]! : { changes }) : null;
        });
        batch.forEach((w) => w.resolve(state));
      } catch (error) {
        batch.forEach((w) => w.reject(error));
      }
    }
    queues.delete(userId);
  }

  return {
    read: async (userId) => (await store.read(userId)).state,
    peek: async (userId) => (await store.peek(userId)).state,
    forget: (userId) => store.forget(userId),
    change: (userId, change) =>
      new Promise<InboxState>((resolve, reject) => {
        const queue = queues.get(userId);
        if (queue) return void queue.push({ change, resolve, reject });
        const started = [{ change, resolve, reject }];
        queues.set(userId, started);
        void drain(userId, started);
      }),
  };
}

/**
 * A pair's appointments change a few times per appointment: a process uses what it read for
 * PAIR_FRESH_MS, then for up to PAIR_STALE_MS while it reads them again in the background (a
 * refusal to post is always checked with a fresh read, send-message.ts).
 */
const PAIR_FRESH_MS = 30_000;
const PAIR_STALE_MS = 5 * 60_000;

/** Each pair's appointments (`conversation_pairs`), keyed by the conversation id. */
export function makeMongoPairStore(db: Db): PairStore {
  const store = makeFoldedStore<PairState, PairChange>(db, PAIRS, pairFold);
  const cache = makeRevalidatingCache({
    freshMs: PAIR_FRESH_MS,
    staleMs: PAIR_STALE_MS,
    max: 50_000,
    load: async (id) => (await store.read(id)).state,
  });
  return {
    peek: cache.get,
    read: cache.read,
    fold: async (id, change) =>
      cache.set(id, (await store.change(id, (state) => (isNewer(state, change) ? change : null))).state),
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
  makeFoldedStore<InboxState, InboxCommit>(db, INBOXES, inboxFold).importMany(
    inboxes.map(({ userId, changes }) => ({ id: userId, change: { changes } })),
  );

/** Creates pairs' appointment records, keyed by the conversation id (an import, like `importInboxes`). */
export const importPairs = (db: Db, pairs: { conversationId: string; changes: PairChange[] }[]) =>
  importFolded(
    db,
    PAIRS,
    pairFold,
    pairs.map(({ conversationId, changes }) => ({ id: conversationId, changes })),
  );
