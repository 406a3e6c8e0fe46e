import type { Role, UploadPurpose } from '@doctime/contracts';
import { AppError } from '../../../platform/app-error.ts';
import { mayUpload, objectKey } from '../domain/stored-file.ts';
import { decideUpload, quotaDay, type QuotaPlace, type UploadLimits } from '../domain/upload-quota.ts';
import { UPLOAD_URL_TTL_SECONDS, type FilesDeps } from './ports.ts';

const MB = 1024 * 1024;
const inWords = (bytes: number) => (bytes >= MB ? `${Math.floor(bytes / MB)} MB` : `${bytes} bytes`);
const refusals: Record<'count' | 'bytes', (limits: UploadLimits) => string> = {
  count: (l) => `You have reached today's limit of ${l.count} uploads. Try again after midnight UTC.`,
  bytes: (l) => `This file would take you over today's upload limit of ${inWords(l.bytes)}. Try again after midnight UTC.`,
};

export function makeCreateUpload(deps: FilesDeps) {
  /**
   * Takes the next place in the caller's daily upload quota, records the file
   * and issues a presigned PUT; type and size were checked by the contract
   * schema. A refused request records nothing.
   */
  return async function createUpload(input: {
    caller: { userId: string; role: Role };
    purpose: UploadPurpose;
    contentType: string;
    size: number;
    fileName?: string | undefined;
  }) {
    const { userId } = input.caller;
    if (!mayUpload(input.caller.role, input.purpose)) {
      throw new AppError('FORBIDDEN', 'You cannot upload files for this purpose.');
    }
    const now = deps.clock.now();
    const id = deps.newId();
    const key = objectKey(input.purpose, userId, id);

    // Only one upload can take each place: a loser reads the winner's place and decides again.
    const day = quotaDay(now);
    let last: QuotaPlace = { n: 0, bytes: 0 };
    for (;;) {
      last = await deps.quota.findLastPlace(userId, day, last);
      const decision = decideUpload(last, input.size, deps.uploadLimits, now);
      if (!decision.allowed) {
        throw new AppError('UPLOAD_QUOTA_EXCEEDED', refusals[decision.limit](deps.uploadLimits), {
          limit: decision.limit,
          retryAfterSeconds: decision.retryAfterSeconds,
        });
      }
      const entry = { userId, day, place: decision.place, fileId: id, key, at: now };
      if ((await deps.quota.takePlace(entry)) === 'ok') break;
    }

    // A place whose file insert fails stays taken: the chain must stay gap-free.
    await deps.files.insert({
      id,
      ownerId: userId,
      purpose: input.purpose,
      key,
      contentType: input.contentType,
      size: input.size,
      ...(input.fileName ? { fileName: input.fileName } : {}),
      createdAt: now,
    });
    const { url, headers } = await deps.storage.presignPut(key, input.contentType, input.size, UPLOAD_URL_TTL_SECONDS);
    const expiresAt = new Date(now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000);
    return { fileId: id, uploadUrl: url, method: 'PUT' as const, headers, expiresAt: expiresAt.toISOString() };
  };
}
