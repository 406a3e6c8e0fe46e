import type { UploadPurpose } from '@doctime/contracts';
import { AppError } from '../../../platform/app-error.ts';
import { checkUploadedObject } from '../domain/stored-file.ts';
import type { FilesDeps } from './ports.ts';

const problems = {
  missing: 'The file has not been uploaded yet',
  'size-mismatch': 'The uploaded file is not the size that was declared',
  'type-mismatch': 'The uploaded file is not the type that was declared',
} as const;

/**
 * Lets another module attach a file to something (a KYC submission, a
 * profile): only the owner's file, of the right purpose, whose object really
 * exists in the bucket as declared. `field` names the request field for errors.
 */
export function makeAttachFile(deps: FilesDeps) {
  return async function attachFile(input: { fileId: string; ownerId: string; purpose: UploadPurpose; field: string }) {
    const file = await deps.files.findById(input.fileId);
    if (!file) throw AppError.validation({ [input.field]: ['No such file; upload it again'] });
    if (file.ownerId !== input.ownerId) throw new AppError('FORBIDDEN', 'You can only attach your own files.');
    if (file.purpose !== input.purpose)
      throw AppError.validation({ [input.field]: ['This file was uploaded for something else'] });
    if (file.status !== 'uploaded') {
      const check = checkUploadedObject(file, await deps.storage.head(file.key));
      if (check !== 'ok') throw AppError.validation({ [input.field]: [problems[check]] });
      await deps.files.markUploaded(file.id);
    }
    return { fileId: file.id, contentType: file.contentType };
  };
}
