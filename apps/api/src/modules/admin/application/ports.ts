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

/** What admin needs from doctors. */
export interface DoctorAdmin {
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
  accounts: AccountAdmin;
  doctors: DoctorAdmin;
  clock: { now(): Date };
}

export interface Actor {
  userId: string;
  ip?: string | undefined;
}
