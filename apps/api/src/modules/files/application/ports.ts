import type { FileAttachment, FileRecord, StoredFile } from '../domain/stored-file.ts';

/**
 * Upload records are written once and never updated; attaching inserts a
 * separate document keyed by the file id (insert-or-fail), so the first
 * attach is the only writer of a file's attachment.
 */
export interface FileRepository {
  insert(file: StoredFile): Promise<void>;
  /** The file with its attachment (null until attached). */
  findById(id: string): Promise<FileRecord | null>;
  /** Insert-or-fail on the file id: 'duplicate' when the file is already attached. */
  insertAttachment(attachment: FileAttachment): Promise<'ok' | 'duplicate'>;
  findAttachment(fileId: string): Promise<FileAttachment | null>;
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

export interface FilesDeps {
  files: FileRepository;
  storage: ObjectStorage;
  clock: { now(): Date };
  newId(): string;
}

export const UPLOAD_URL_TTL_SECONDS = 10 * 60;
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;
