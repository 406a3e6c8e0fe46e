import type { SideEffect } from '../../../platform/side-effect.ts';
import type { AuditEntry } from '../domain/audit-entry.ts';

export interface AuditLogRepository {
  /** Appends the entry under its id; 'duplicate' when an entry with that id is already there. */
  append(entry: AuditEntry): Promise<'ok' | 'duplicate'>;
  list(filter: {
    action?: string | undefined;
    targetId?: string | undefined;
    skip: number;
    limit: number;
  }): Promise<{ items: AuditEntry[]; total: number }>;
}

/** What admin needs from identity. */
export interface AccountAdmin {
  /** Commits the block (or unblock, null) together with `extra.effects`; identity announces it to other modules. */
  setBlocked(
    userId: string,
    block: { reason: string } | null,
    extra: { effects: SideEffect[] },
  ): Promise<{ id: string; role: string }>;
  findNames(ids: string[]): Promise<Map<string, string>>;
}

/**
 * Where an admin's read of someone's health data leaves its audit entry. A read
 * changes no record to commit the entry with, so the read is its own change.
 */
export interface ReadAudit {
  /** Records `effect` durably under `readId` (delivered once, even if this process stops); throws when it cannot. */
  record(readId: string, effect: SideEffect): Promise<void>;
}

/** What admin needs from doctors. */
export interface DoctorAdmin {
  /** A doctor's KYC submission with short-lived document links (health and identity data). */
  kycDetails(doctorId: string): Promise<unknown>;
  /** Decides one submission and commits `extra.effects` with the decision. */
  decideKyc(
    input: {
      doctorId: string;
      adminId: string;
      decision: 'approve' | 'reject' | 'resubmit';
      reason?: string | undefined;
      submission?: number | undefined;
    },
    extra: { effects: SideEffect[] },
  ): Promise<unknown>;
}

export interface AdminDeps {
  audit: AuditLogRepository;
  reads: ReadAudit;
  accounts: AccountAdmin;
  doctors: DoctorAdmin;
  clock: { now(): Date };
  newId(): string;
}

export interface Actor {
  userId: string;
  ip?: string | undefined;
}
