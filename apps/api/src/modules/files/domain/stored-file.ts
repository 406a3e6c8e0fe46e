import { uploadRules, type UploadPurpose } from '@doctime/contracts';
import type { Role } from '@doctime/contracts';

export interface StoredFile {
  id: string;
  ownerId: string;
  purpose: UploadPurpose;
  key: string;
  contentType: string;
  size: number;
  fileName?: string;
  status: 'pending' | 'uploaded';
  createdAt: Date;
}

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

export type UploadCheck = 'ok' | 'missing' | 'size-mismatch' | 'type-mismatch';

/** Does the object in the bucket match what was declared and allowed? */
export function checkUploadedObject(file: StoredFile, object: { size: number; contentType: string } | null): UploadCheck {
  if (!object) return 'missing';
  if (object.size !== file.size || object.size > uploadRules[file.purpose].maxBytes) return 'size-mismatch';
  if (object.contentType.split(';')[0]!.trim() !== file.contentType) return 'type-mismatch';
  return 'ok';
}
