/**
 * A user's inbox: per conversation, the other participant, how far it goes
 * (last seq and when), and how far this user has received and read. Every
 * field only grows, so changes commute: folding them in any order, or twice,
 * gives the same inbox.
 */
export interface InboxEntry {
  peerId: string;
  lastSeq: number;
  lastAt: string;
  readUpTo: number;
  deliveredUpTo: number;
}
export interface InboxState {
  conversations: Record<string, InboxEntry>;
}
export interface InboxChange {
  conversationId: string;
  peerId?: string;
  lastSeq?: number;
  at?: string;
  readUpTo?: number;
  deliveredUpTo?: number;
}

const max = (a: number, b: number | undefined) => Math.max(a, b ?? 0);

function merged(entry: InboxEntry | undefined, change: InboxChange): InboxEntry {
  const base: InboxEntry = entry ?? {
    peerId: change.peerId ?? '',
    lastSeq: 0,
    lastAt: change.at ?? '',
    readUpTo: 0,
    deliveredUpTo: 0,
  };
  // Not capped by lastSeq: a read may be folded in before the message it reads (changes arrive in any order).
  const readUpTo = max(base.readUpTo, change.readUpTo);
  return {
    peerId: base.peerId || change.peerId || '',
    lastSeq: max(base.lastSeq, change.lastSeq),
    lastAt: change.at && change.at > base.lastAt ? change.at : base.lastAt,
    readUpTo,
    // Reading a message implies having received it.
    deliveredUpTo: Math.max(base.deliveredUpTo, change.deliveredUpTo ?? 0, readUpTo),
  };
}

const same = (a: InboxEntry, b: InboxEntry) =>
  a.peerId === b.peerId &&
  a.lastSeq === b.lastSeq &&
  a.lastAt === b.lastAt &&
  a.readUpTo === b.readUpTo &&
  a.deliveredUpTo === b.deliveredUpTo;

/** What one write stores: one change, or several at once (a writer merges what queued up meanwhile). */
export type InboxCommit = InboxChange | { changes: InboxChange[] };

const applyOne = (state: InboxState, change: InboxChange): InboxState => ({
  conversations: { ...state.conversations, [change.conversationId]: merged(state.conversations[change.conversationId], change) },
});

export const inboxFold = {
  empty: (): InboxState => ({ conversations: {} }),
  apply: (state: InboxState, commit: InboxCommit): InboxState =>
    'changes' in commit ? commit.changes.reduce(applyOne, state) : applyOne(state, commit),
};

/** The change to commit, or null when the inbox already says as much (nothing to write). */
export function inboxChange(state: InboxState, change: InboxChange): InboxChange | null {
  const entry = state.conversations[change.conversationId];
  return entry && same(entry, merged(entry, change)) ? null : change;
}

export const unreadIn = (entry: InboxEntry) => Math.max(0, entry.lastSeq - entry.readUpTo);

/** Conversation ids, latest activity first. */
export function byActivity(state: InboxState): string[] {
  return Object.entries(state.conversations)
    .sort(([ia, a], [ib, b]) => (a.lastAt === b.lastAt ? ia.localeCompare(ib) : a.lastAt < b.lastAt ? 1 : -1))
    .map(([id]) => id);
}
