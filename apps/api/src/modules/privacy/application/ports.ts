import type { PersonalDataExport } from '@doctime/contracts';
import type { SideEffect } from '../../../platform/side-effect.ts';

/** The sections of `data.json` that modules fill (the account is identity's, asked for separately). */
export type ExportSection = keyof Omit<PersonalDataExport, 'exportedAt' | 'account'>;

/** A file of the export zip: its path (a folder's ends with '/') and content. */
export interface ArchiveEntry {
  path: string;
  content?: string | Uint8Array;
}

/** What one module exports of a person: its section of data.json, and files for the zip. */
export interface ExportedPart<S extends ExportSection = ExportSection> {
  data: PersonalDataExport[S];
  /** E.g. `prescriptions/<id>.pdf`. */
  files?: ArchiveEntry[];
}

/**
 * A rule that obliges the platform to keep some records after their owner
 * deleted the account (e.g. prescriptions, under the medical records law).
 */
export interface RetentionRule {
  /** Stored on each kept record as `retainedUnder`, e.g. 'medical-records-retention'. */
  id: string;
  /** For the patient, before deletion and in the export's README: what is kept, why, how long. */
  description: string;
}

/**
 * One module's part of a person's data. Each module holding personal data
 * implements it (main/container.ts lists them), so an export and a deletion
 * reach every module without knowing any: appointments and the medical
 * profile now; prescriptions and messages when those modules arrive.
 */
export interface PersonalDataSource<S extends ExportSection = ExportSection> {
  name: S;
  exportFor(userId: string): Promise<ExportedPart<S>>;
  /**
   * Erases or anonymises the person's data in this module. Safe to repeat: a deletion that
   * stopped halfway is finished by running every source again.
   */
  eraseFor(userId: string): Promise<void>;
  /** Present on modules keeping records a rule obliges the platform to keep. */
  retention?: RetainedRecords;
}

/** Records that outlive their owner's account, and how they are kept. */
export interface RetainedRecords {
  rule: RetentionRule;
  /**
   * Marks every record of the person that the rule keeps with `retainedUnder: rule.id`,
   * keeping only what the rule needs (run before `eraseFor`, which then leaves them be). Safe
   * to repeat; returns how many records are kept.
   */
  retainFor(userId: string): Promise<number>;
}

/** What privacy needs from identity. */
export interface Accounts {
  /** The account as its owner exports it. */
  exportAccount(userId: string): Promise<PersonalDataExport['account']>;
  /**
   * Checks the password (a 400 field error when wrong) and commits the account's erasure with
   * `effects`, which the outbox delivers, with retries, once it is committed.
   */
  eraseAccount(input: { userId: string; password: string; effects: SideEffect[] }): Promise<void>;
}

/** Packs files into one archive (a zip). */
export interface Archiver {
  pack(entries: ArchiveEntry[]): Uint8Array;
}

export interface PrivacyDeps {
  accounts: Accounts;
  sources: PersonalDataSource[];
  archiver: Archiver;
  clock: { now(): Date };
}
