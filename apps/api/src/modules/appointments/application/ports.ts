import type { Appointment } from '../domain/appointment.ts';

export interface AppointmentRepository {
  insert(appt: Appointment): Promise<void>;
  findById(id: string): Promise<Appointment | null>;
  /** Writes `after` only while the stored appointment is still `before`; false when it changed meanwhile. */
  update(before: Appointment, after: Appointment): Promise<boolean>;
  list(filter: {
    doctorId?: string;
    patientId?: string;
    scope: 'upcoming' | 'past';
    status?: Appointment['status'] | undefined;
    now: Date;
    skip: number;
    limit: number;
  }): Promise<{ items: Appointment[]; total: number }>;
  findChangedSince(since: Date, status: Appointment['status']): Promise<Appointment[]>;
}

export type StoredOutcome =
  { appointmentId: string } | { error: { code: string; message: string; details?: Record<string, unknown> } };

export interface IdempotencyRepository {
  /** Claims the key by insert; returns the earlier outcome (or 'pending') when it was used before. */
  begin(key: string, at: Date): Promise<'new' | 'pending' | StoredOutcome>;
  finish(key: string, outcome: StoredOutcome): Promise<void>;
  abandon(key: string): Promise<void>;
  /** Forgets keys used before `before` (retries come within minutes, not days). */
  purgeBefore(before: Date): Promise<number>;
}

/** What appointments need from scheduling. */
export interface TimeKeeper {
  claimTime(input: { doctorId: string; patientId: string; start: Date; holdId: string; moving?: boolean }): Promise<{
    slot: { start: Date; end: Date };
    /** The claims the new time uses, and the ones the booking held before (for a reschedule's rollback). */
    keptIds: ReadonlySet<string>;
    previousIds: ReadonlySet<string>;
  }>;
  releaseTime(holdId: string, keepIds?: ReadonlySet<string>): Promise<void>;
  findHoldsCreatedBetween(from: Date, to: Date): Promise<string[]>;
}

/** What appointments need from doctors and identity. */
export interface Directory {
  findListedDoctor(
    doctorId: string,
  ): Promise<{ id: string; name: string; email: string; timeZone: string; specialty?: string } | null>;
  findAccount(userId: string): Promise<{ id: string; name: string; email: string } | null>;
}

export interface AppointmentMailer {
  send(mail: {
    to: string;
    subject: string;
    text: string;
    attachments?: { filename: string; content: string; contentType: string }[];
  }): Promise<void>;
}

export interface AppointmentsDeps {
  appointments: AppointmentRepository;
  idempotency: IdempotencyRepository;
  time: TimeKeeper;
  directory: Directory;
  mailer: AppointmentMailer;
  clock: { now(): Date };
  newId(): string;
  onBackgroundError(err: unknown): void;
}
