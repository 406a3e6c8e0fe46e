import type { StoredFile } from '../domain/stored-file.ts';

export interface FileRepository {
  insert(file: StoredFile): Promise<void>;
  findById(id: string): Promise<StoredFile | null>;
  markUploaded(id: string): Promise<void>;
}

export interface ObjectStorage {
  presignPut(
    key: string,
    contentType: string,
    size: number,
    expiresInSeconds: number,
  ): Promise<{ url: string; headers: Record<string, string> }>;
  presignGet(key: string, expiresInSeconds: number, downloadName?: string): Promise<string>;
  head(key: string): Promise<{ size: number; contentType: string } | null>;
}

export interface FilesDeps {
  files: FileRepository;
  storage: ObjectStorage;
  clock: { now(): Date };
  newId(): string;
}

export const UPLOAD_URL_TTL_SECONDS = 10 * 60;
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;
