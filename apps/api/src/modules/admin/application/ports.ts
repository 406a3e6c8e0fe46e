import type { AuditEntry } from '../domain/audit-entry.ts';

export interface AuditLogRepository {
  append(entry: AuditEntry): Promise<void>;
  list(filter: {
    action?: string | undefined;
    targetId?: string | undefined;
    skip: number;
    limit: number;
  }): Promise<{ items: AuditEntry[]; total: number }>;
}

/** What admin needs from identity. */
export interface AccountAdmin {
  setBlocked(userId: string, block: { reason: string } | null): Promise<{ id: string; role: string }>;
  findNames(ids: string[]): Promise<Map<string, string>>;
}

/** What admin needs from doctors. */
export interface DoctorAdmin {
  decideKyc(input: {
    doctorId: string;
    adminId: string;
    decision: 'approve' | 'reject' | 'resubmit';
    reason?: string | undefined;
  }): Promise<unknown>;
  setDoctorBlocked(doctorId: string, blocked: boolean): Promise<void>;
}

export interface AdminDeps {
  audit: AuditLogRepository;
  accounts: AccountAdmin;
  doctors: DoctorAdmin;
  clock: { now(): Date };
  newId(): string;
}

export interface Actor {
  userId: string;
  ip?: string | undefined;
}
