import type { AvailabilityRules } from '../domain/availability-rules.ts';

export interface AvailabilityRepository {
  save(doctorId: string, rules: AvailabilityRules, at: Date): Promise<void>;
  find(doctorId: string): Promise<AvailabilityRules | null>;
  /** Every doctor who has published rules (for "available on date X"), from a copy kept in memory. */
  listAll(): Promise<{ doctorId: string; rules: AvailabilityRules }[]>;
}

export interface TimeClaim {
  /** `<doctorId>:<cell>` or `patient:<patientId>:<cell>`: the unique key that makes double booking impossible. */
  id: string;
  ownerId: string;
  cell: Date;
  holdId: string;
  /** Random per claiming call: a rollback removes only the claims its own call inserted. */
  token: string;
  createdAt: Date;
}

export interface ClaimRepository {
  /**
   * Inserts claims in order until one is taken; returns the first taken one (or null) and
   * the ids this call inserted. With `adoptSameHold`, a cell already held by the same hold
   * (an earlier attempt of the same booking) counts as ours and is skipped.
   */
  insertAll(claims: TimeClaim[], options: { adoptSameHold: boolean }): Promise<{ taken: TimeClaim | null; inserted: string[] }>;
  /** Deletes exactly these claims of the hold (only those carrying `token`, when given); returns what it deleted. */
  remove(ids: readonly string[], match: { holdId: string; token?: string | undefined }): Promise<TimeClaim[]>;
  /** Every claim of these holds (one query, for the reconciler). */
  findByHolds(holdIds: readonly string[]): Promise<TimeClaim[]>;
  /** Doctor-owned claims of cells from `from` on (for rebuilding the busy index). */
  findDoctorClaimsFrom(from: Date): Promise<IndexedClaim[]>;
  /** These owners' claimed cells in [from, to) (slot listings while the busy index is not complete). */
  findCellsBetween(ownerIds: readonly string[], from: Date, to: Date): Promise<{ ownerId: string; cell: Date }[]>;
  /** Deletes every claim of a cell before `before`, in batches; returns how many. */
  removeCellsBefore(before: Date): Promise<number>;
  /** Holds with claims created in [from, to), for the orphan reconciler. */
  findHoldsCreatedBetween(from: Date, to: Date): Promise<string[]>;
}

/** What scheduling needs from doctors. */
export interface ListedDoctors {
  findListedDoctor(doctorId: string): Promise<{ id: string; timeZone: string } | null>;
}

/** What the busy index keeps of a claim: the inserting call's token tells two holders of one cell apart. */
export type IndexedClaim = Pick<TimeClaim, 'ownerId' | 'cell' | 'token'>;

/**
 * Fast read model of claimed cells per doctor; the claims stay the source of
 * truth. It can be lost (a Redis restart) or miss an update (Redis away): it
 * then says it is not complete, and readers use the claims until a rebuild
 * has completed it again.
 */
export interface BusyIndex {
  add(claims: IndexedClaim[]): Promise<void>;
  remove(claims: IndexedClaim[]): Promise<void>;
  /**
   * Each owner's busy cells in [from, to), or null when the index is not known to be complete (or
   * unreachable). For 'everyone', one read of every owner that has any (a date's search).
   */
  cellsBetween(owners: readonly string[] | 'everyone', from: Date, to: Date): Promise<Map<string, Date[]> | null>;
  isComplete(): Promise<boolean>;
  /** After a failed update: marks the index incomplete (as soon as it can be reached again). Never throws. */
  invalidate(): void;
  /** Starts a rebuild, or null while another one (in any process) is under way. */
  beginRebuild(): Promise<BusyIndexRebuild | null>;
}

export interface BusyIndexRebuild {
  /**
   * Replaces the whole index by `claims` (read after `beginRebuild`) plus the
   * updates made since `beginRebuild`, and marks it complete; false when the
   * rebuild lost its turn (an invalidation or a restart came in between).
   */
  complete(claims: IndexedClaim[]): Promise<boolean>;
  abandon(): Promise<void>;
}

export interface SchedulingDeps {
  availability: AvailabilityRepository;
  claims: ClaimRepository;
  busyIndex: BusyIndex;
  doctors: ListedDoctors;
  clock: { now(): Date };
  newToken(): string;
}
