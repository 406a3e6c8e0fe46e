import type { Consultation } from '@doctime/contracts';
import type { SideEffect } from '../../../platform/side-effect.ts';
import type { Appointment, ListedAppointment } from '../domain/appointment.ts';

export interface AppointmentRepository {
  /** Stores version 1; 'conflict' when the id exists or was abandoned. */
  create(appt: Appointment, effects: SideEffect[]): Promise<'ok' | 'conflict'>;
  findById(id: string): Promise<Appointment | null>;
  /** Stores `next` (version one above the stored one) with its effects; 'conflict' when another change came first. */
  save(next: Appointment, effects: SideEffect[]): Promise<'ok' | 'conflict'>;
  /** Marks an id that was never created as abandoned (a crashed booking); 'conflict' when it exists. */
  abandon(id: string): Promise<'ok' | 'conflict'>;
  list(filter: {
    doctorId?: string;
    patientId?: string;
    scope: 'upcoming' | 'past';
    status?: Appointment['status'] | undefined;
    now: Date;
    skip: number;
    limit: number;
  }): Promise<{ items: ListedAppointment[]; total: number }>;
  /**
   * Erases personal data (an account's deletion): stores `redact` of the newest version as the
   * next one and strips every earlier version's copy; null when there is no such appointment.
   */
  erase(id: string, redact: (a: Appointment) => Appointment): Promise<Appointment | null>;
  /** Appointments changed since `since` (for the reconciler). */
  findChangedSince(since: Date): Promise<Appointment[]>;
}

export type StoredOutcome =
  { appointmentId: string } | { error: { code: string; message: string; details?: Record<string, unknown> } };

export type KeyState =
  | { state: 'new' }
  | { state: 'reused' }
  | { state: 'pending'; retryAfterSeconds: number }
  | { state: 'expired' }
  | { state: 'done'; outcome: StoredOutcome };

export interface IdempotencyRepository {
  /**
   * Claims the key by insert with the request's fingerprint; when it was used
   * before, says how: a different request ('reused'), a first attempt still
   * within its lease ('pending'), one whose lease ran out ('expired'), or done.
   */
  begin(key: string, fingerprint: string, at: Date): Promise<KeyState>;
  /** Records the outcome once (insert-or-fail: the first recorded outcome stays). */
  finish(key: string, outcome: StoredOutcome): Promise<void>;
  /** Forgets keys used before `before` (retries come within minutes, not days). */
  purgeBefore(before: Date): Promise<number>;
}

/** What appointments need from scheduling. */
export interface TimeKeeper {
  claimTime(input: {
    doctorId: string;
    patientId: string;
    start: Date;
    holdId: string;
    keep?: readonly string[];
    retryOfSameHold?: boolean;
  }): Promise<{
    slot: { start: Date; end: Date };
    /** Every claim the new time uses, and the ones this call inserted under `token`. */
    claimIds: string[];
    inserted: string[];
    token: string;
  }>;
  releaseClaims(input: { holdId: string; ids: readonly string[]; token?: string | undefined }): Promise<void>;
  findClaimsByHolds(holdIds: readonly string[]): Promise<{ id: string; holdId: string; createdAt: Date }[]>;
  findHoldsCreatedBetween(from: Date, to: Date): Promise<string[]>;
}

/** What appointments need from doctors and identity. */
export interface Directory {
  findListedDoctor(
    doctorId: string,
  ): Promise<{ id: string; name: string; email: string; timeZone: string; specialty?: string } | null>;
  findAccount(userId: string): Promise<{ id: string; name: string; email: string } | null>;
}

/** What appointments need from admin: the trace of an admin reading someone else's appointment. */
export interface AccessAudit {
  /** Records who read what, when and from where, durably, before the data is shown; throws when it cannot. */
  recordAdminRead(
    actor: { userId: string; ip?: string | undefined },
    read: { action: 'appointment.view'; targetId: string },
  ): Promise<void>;
}

/** What consultations say of an appointment's video call, for its own page. */
export interface ConsultationRecords {
  consultationRecord(appointment: { id: string; start: Date; end: Date }): Promise<Consultation>;
}

export interface AppointmentsDeps {
  appointments: AppointmentRepository;
  idempotency: IdempotencyRepository;
  time: TimeKeeper;
  directory: Directory;
  accessAudit: AccessAudit;
  consultations: ConsultationRecords;
  clock: { now(): Date };
  newId(): string;
  /** A stable id from a seed (a retried booking finds the appointment its first attempt created). */
  deriveId(seed: string): string;
}
