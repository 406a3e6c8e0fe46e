/**
 * What a user has read of their notification log (seqs 1..tail), as one
 * small record: every seq up to `upTo` is read (at `upToAt`, or earlier),
 * and `read` holds the seqs above it read one by one, with when.
 *
 * Invariant: every key of `read` is above `upTo`, so the unread count is
 * tail - upTo - |read| (for a `read` holding only seqs up to the tail, which
 * marking guarantees by marking only seqs it found in the log).
 */
export interface ReadState {
  upTo: number;
  upToAt: string | null;
  read: Record<string, string>;
}

/** A change to the read state: everything up to a seq ("mark all"), or some seqs. */
export type ReadChange = { kind: 'upTo'; seq: number; at: string } | { kind: 'some'; seqs: number[]; at: string };

export const noneRead = (): ReadState => ({ upTo: 0, upToAt: null, read: {} });

export function applyRead(state: ReadState, change: ReadChange): ReadState {
  if (change.kind === 'upTo') {
    if (change.seq <= state.upTo) return state;
    const read = Object.fromEntries(Object.entries(state.read).filter(([seq]) => Number(seq) > change.seq));
    return { upTo: change.seq, upToAt: change.at, read };
  }
  const read = { ...state.read };
  for (const seq of change.seqs) if (seq > state.upTo) read[seq] ??= change.at;
  return { ...state, read };
}

export const isRead = (state: ReadState, seq: number) => seq <= state.upTo || String(seq) in state.read;

/** When the entry at `seq` was read (one read before a "mark all" counts as read then), or null. */
export const readAtOf = (state: ReadState, seq: number): string | null =>
  seq <= state.upTo ? state.upToAt : (state.read[seq] ?? null);

/** "Mark all read" of a log whose last seq is `tail`: null when nothing is left unread. */
export const markAllUpTo = (state: ReadState, tail: number, at: Date): ReadChange | null =>
  tail > state.upTo ? { kind: 'upTo', seq: tail, at: at.toISOString() } : null;

/** Marking seqs known to be in the log: null when every one is read already. */
export function markSeqs(state: ReadState, seqs: readonly number[], at: Date): ReadChange | null {
  const unread = [...new Set(seqs)].filter((seq) => !isRead(state, seq));
  return unread.length ? { kind: 'some', seqs: unread, at: at.toISOString() } : null;
}

export const unreadCount = (state: ReadState, tail: number) =>
  Math.max(0, tail - state.upTo - Object.keys(state.read).filter((seq) => Number(seq) <= tail).length);

/** The unread seqs of a log ending at `tail`, newest first, after skipping `skip` of them. */
export function unreadSeqs(state: ReadState, tail: number, skip: number, limit: number): number[] {
  const out: number[] = [];
  for (let seq = tail, seen = 0; seq > state.upTo && out.length < limit; seq--) {
    if (String(seq) in state.read) continue;
    if (seen++ >= skip) out.push(seq);
  }
  return out;
}

/** All seqs of a log ending at `tail`, newest first, after skipping `skip`. */
export function pageSeqs(tail: number, skip: number, limit: number): number[] {
  const newest = tail - skip;
  return Array.from({ length: Math.max(0, Math.min(limit, newest)) }, (_, i) => newest - i);
}
