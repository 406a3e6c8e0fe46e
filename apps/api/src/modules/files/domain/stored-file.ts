import { uploadRules, type UploadPurpose } from '@doctime/contracts';
import type { Role } from '@doctime/contracts';

/** An upload record: written once when the upload URL is issued, never updated. */
export interface StoredFile {
  id: string;
  ownerId: string;
  purpose: UploadPurpose;
  /** Where the browser PUTs the bytes; any holder of the presigned URL can rewrite it until the URL expires. */
  key: string;
  contentType: string;
  size: number;
  fileName?: string;
  createdAt: Date;
}

/**
 * The one attachment of a file (single writer: the first attach inserts it,
 * keyed by the file id). It names a server-side copy under a key no client
 * URL can write, with the copy's ETag, so what was checked and reviewed is
 * what is served.
 */
export interface FileAttachment {
  fileId: string;
  key: string;
  etag: string;
  size: number;
  contentType: string;
  attachedAt: Date;
}

/** A file as read back: usable (downloadable) only once attached. */
export type FileRecord = StoredFile & { attachment: FileAttachment | null };

/** Who may upload for each purpose. */
const uploaders: Record<UploadPurpose, readonly Role[]> = {
  'kyc-document': ['doctor'],
  avatar: ['doctor', 'patient'],
  'chat-media': ['doctor', 'patient'],
};

export function mayUpload(role: Role, purpose: UploadPurpose): boolean {
  return uploaders[purpose].includes(role);
}

/** Object keys group by purpose and owner; the random id keeps them unguessable. */
export function objectKey(purpose: UploadPurpose, ownerId: string, fileId: string): string {
  return `${purpose}/${ownerId}/${fileId}`;
}

/** Where attached copies live: a prefix no presigned upload URL ever points into. */
export const ATTACHED_PREFIX = 'attached/';

/**
 * The key of one attach attempt's copy. The nonce makes every attempt's copy
 * its own object, so a racing attempt (or an overwrite of the upload key) can
 * never change the object another attempt checked and recorded.
 */
export function attachedObjectKey(file: Pick<StoredFile, 'purpose' | 'ownerId' | 'id'>, nonce: string): string {
  return `${ATTACHED_PREFIX}${file.purpose}/${file.ownerId}/${file.id}/${nonce}`;
}

export type UploadCheck = 'ok' | 'missing' | 'size-mismatch' | 'type-mismatch';

/** Does the object in the bucket match what was declared and allowed? */
export function checkUploadedObject(file: StoredFile, object: { size: number; contentType: string } | null): UploadCheck {
  if (!object) return 'missing';
  if (object.size !== file.size || object.size > uploadRules[file.purpose].maxBytes) return 'size-mismatch';
  if (baseType(object.contentType) !== file.contentType) return 'type-mismatch';
  return 'ok';
}

export type CopyCheck = UploadCheck | 'changed';

/**
 * Is the attached copy what is about to be recorded: the declared size and
 * type, and the very object the copy produced (same ETag)?
 */
export function checkCopiedObject(
  file: StoredFile,
  copyEtag: string,
  object: { size: number; contentType: string; etag: string } | null,
): CopyCheck {
  const check = checkUploadedObject(file, object);
  if (check !== 'ok') return check;
  return object!.etag === copyEtag ? 'ok' : 'changed';
}

/** `image/png; charset=binary` -> `image/png`. */
function baseType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}
