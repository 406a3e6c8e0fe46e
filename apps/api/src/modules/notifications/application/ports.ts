import type { ReadChange, ReadState } from '../domain/notification-reads.ts';
import type { StoredNotification } from '../domain/notification.ts';

/** Each user's notifications: an append-only log (seq 1, 2, ...), every read by `_id`. */
export interface NotificationLog {
  /** Appends unless an entry with this `uid` is in the user's log already; its seq, and whether this call stored it. */
  appendOnce(userId: string, entry: StoredNotification): Promise<{ seq: number; created: boolean }>;
  /** The user's last seq (0: none yet). */
  tail(userId: string): Promise<number>;
  /** The entries at these seqs, in the same order (null where there is none). */
  readSeqs(userId: string, seqs: readonly number[]): Promise<(StoredNotification | null)[]>;
  /**
   * Account deletion: marks the user erased for good, then rewrites every entry of theirs
   * without its title and body. Safe to repeat.
   */
  eraseAll(userId: string): Promise<void>;
  /** Whether `eraseAll` has marked the user (a delivery that lands after it must not keep its text). */
  isErased(userId: string): Promise<boolean>;
}

/** Each user's read state, changed by one writer at a time (the loser decides again from the newer state). */
export interface ReadStates {
  /** The state with every change committed before the call. */
  read(userId: string): Promise<ReadState>;
  /** Commits `decide`'s change of the current state (null: none needed); the state it left. */
  change(userId: string, decide: (state: ReadState) => ReadChange | null): Promise<ReadState>;
}

/** The live connection: tells a user's open tabs (platform/realtime). */
export interface LivePush {
  toUsers(userIds: readonly string[], event: string, payload: unknown): void;
}

export interface NotificationsDeps {
  log: NotificationLog;
  reads: ReadStates;
  push: LivePush;
  clock: { now(): Date };
  newId(): string;
}
