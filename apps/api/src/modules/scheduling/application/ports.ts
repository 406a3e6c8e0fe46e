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
  createdAt: Date;
}

export interface ClaimRepository {
  /** Inserts all claims or none survive: on a duplicate key the ones inserted are removed and 'taken' returned. */
  insertAll(claims: TimeClaim[]): Promise<'ok' | 'taken'>;
  removeByHold(holdId: string, keepIds?: ReadonlySet<string>): Promise<void>;
  findByHold(holdId: string): Promise<TimeClaim[]>;
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
}
