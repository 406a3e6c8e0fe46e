import type { AvailabilityRules } from '../domain/availability-rules.ts';

export interface AvailabilityRepository {
  save(doctorId: string, rules: AvailabilityRules, at: Date): Promise<void>;
  find(doctorId: string): Promise<AvailabilityRules | null>;
  /** Every doctor who has published rules (for "available on date X"). */
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
  /** Every doctor-owned claim's owner and cell (a full read, for rebuilding the busy index). */
  findAllDoctorCells(): Promise<{ ownerId: string; cell: Date }[]>;
  /** Holds with claims created in [from, to), for the orphan reconciler. */
  findHoldsCreatedBetween(from: Date, to: Date): Promise<string[]>;
}

/** What scheduling needs from doctors. */
export interface ListedDoctors {
  findListedDoctor(doctorId: string): Promise<{ id: string; timeZone: string } | null>;
}

/** Fast read model of claimed cells per doctor; the claims stay the source of truth. */
export interface BusyIndex {
  add(ownerId: string, cells: Date[]): Promise<void>;
  remove(ownerId: string, cells: Date[]): Promise<void>;
  cellsBetween(ownerId: string, from: Date, to: Date): Promise<Date[]>;
  replaceAll(byOwner: Map<string, Date[]>): Promise<void>;
}

export interface SchedulingDeps {
  availability: AvailabilityRepository;
  claims: ClaimRepository;
  busyIndex: BusyIndex;
  doctors: ListedDoctors;
  clock: { now(): Date };
  newToken(): string;
}
