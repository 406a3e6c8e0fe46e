import type { Role, UploadPurpose } from '@doctime/contracts';
import { AppError } from '../../../platform/app-error.ts';
import { mayUpload, objectKey } from '../domain/stored-file.ts';
import { UPLOAD_URL_TTL_SECONDS, type FilesDeps } from './ports.ts';

export function makeCreateUpload(deps: FilesDeps) {
  /** Records the file and issues a presigned PUT; type and size were checked by the contract schema. */
  return async function createUpload(input: {
    caller: { userId: string; role: Role };
    purpose: UploadPurpose;
    contentType: string;
    size: number;
    fileName?: string | undefined;
  }) {
    if (!mayUpload(input.caller.role, input.purpose)) {
      throw new AppError('FORBIDDEN', 'You cannot upload files for this purpose.');
    }
    const id = deps.newId();
    const key = objectKey(input.purpose, input.caller.userId, id);
    await deps.files.insert({
      id,
      ownerId: input.caller.userId,
      purpose: input.purpose,
      key,
      contentType: input.contentType,
      size: input.size,
      ...(input.fileName ? { fileName: input.fileName } : {}),
      createdAt: deps.clock.now(),
    });
    const { url, headers } = await deps.storage.presignPut(key, input.contentType, input.size, UPLOAD_URL_TTL_SECONDS);
    const expiresAt = new Date(deps.clock.now().getTime() + UPLOAD_URL_TTL_SECONDS * 1000);
    return { fileId: id, uploadUrl: url, method: 'PUT' as const, headers, expiresAt: expiresAt.toISOString() };
  };
}
