import type { FileAttachment, FileRecord, StoredFile } from '../domain/stored-file.ts';
import type { QuotaPlace, UploadLimits } from '../domain/upload-quota.ts';

/**
 * Upload records are written once and never updated; attaching inserts a
 * separate document keyed by the file id (insert-or-fail), so the first
 * attach is the only writer of a file's attachment. The sweeper of unattached
 * uploads takes the same key with a tombstone, so a file is either attached
 * or swept, never both.
 */
export interface FileRepository {
  insert(file: StoredFile): Promise<void>;
  /** The file with its attachment (null until attached); null once the file is being swept. */
  findById(id: string): Promise<FileRecord | null>;
  /** Insert-or-fail on the file id: 'duplicate' when the file is already attached or swept. */
  insertAttachment(attachment: FileAttachment): Promise<'ok' | 'duplicate'>;
  /** What holds the file's attachment key: its attachment, the sweeper's tombstone, or nothing yet. */
  findAttachment(fileId: string): Promise<FileAttachment | 'swept' | null>;
  /** Insert-or-fail of the sweeper's tombstone on the attachment key: 'duplicate' when attached or swept already. */
  insertSweptMark(fileId: string, at: Date): Promise<'ok' | 'duplicate'>;
  /** Deletes the upload record (only the sweeper does, after its tombstone). */
  remove(id: string): Promise<void>;
}

/**
 * One entry per upload URL issued, `_id = <userId>:<day>:<n>`: the user's n-th
 * upload of that UTC day. Entries are inserted once and never updated; the
 * sweeper deletes them once it has dealt with their file, a day later.
 */
export interface UploadEntry {
  userId: string;
  day: string;
  place: QuotaPlace;
  fileId: string;
  /** The file's upload key. */
  key: string;
  at: Date;
}

export interface UploadQuotaRepository {
  /**
   * The newest place taken in the user's day. Places are taken in order with
   * no gap, so this probes `_id`s forward from `known` (a place already seen
   * taken, or `{n: 0, bytes: 0}`).
   */
  findLastPlace(userId: string, day: string, known: QuotaPlace): Promise<QuotaPlace>;
  /** Insert-or-fail on `<userId>:<day>:<n>`: 'duplicate' when another upload took that place first. */
  takePlace(entry: UploadEntry): Promise<'ok' | 'duplicate'>;
  /** Entries made before `before`, at most `limit` of them. */
  findMadeBefore(before: Date, limit: number): Promise<UploadEntry[]>;
  removeEntries(entries: UploadEntry[]): Promise<void>;
}

export interface ObjectStorage {
  presignPut(
    key: string,
    contentType: string,
    size: number,
    expiresInSeconds: number,
  ): Promise<{ url: string; headers: Record<string, string> }>;
  presignGet(key: string, expiresInSeconds: number, downloadName?: string): Promise<string>;
  head(key: string): Promise<{ size: number; contentType: string; etag: string } | null>;
  /** Server-side copy within the bucket; throws when the source is missing. */
  copy(fromKey: string, toKey: string): Promise<{ etag: string }>;
  /** Deletes the object; a missing object is not an error. */
  remove(key: string): Promise<void>;
}

/** Who besides its owner may see a chat attachment (messaging answers: the other participant of the conversation it was sent in). */
export interface SharedMedia {
  canView(fileId: string, userId: string): Promise<boolean>;
}

export interface FilesDeps {
  files: FileRepository;
  sharedMedia: SharedMedia;
  quota: UploadQuotaRepository;
  uploadLimits: UploadLimits;
  storage: ObjectStorage;
  clock: { now(): Date };
  newId(): string;
}

export const UPLOAD_URL_TTL_SECONDS = 10 * 60;
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;
