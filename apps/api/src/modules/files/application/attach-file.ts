import type { UploadPurpose } from '@doctime/contracts';
import { AppError } from '../../../platform/app-error.ts';
import {
  attachedObjectKey,
  checkCopiedObject,
  checkUploadedObject,
  type CopyCheck,
  type FileAttachment,
  type StoredFile,
} from '../domain/stored-file.ts';
import type { FilesDeps } from './ports.ts';

const problems: Record<Exclude<CopyCheck, 'ok'>, string> = {
  missing: 'The file has not been uploaded yet',
  'size-mismatch': 'The uploaded file is not the size that was declared',
  'type-mismatch': 'The uploaded file is not the type that was declared',
  changed: 'The uploaded file changed while it was being attached; try again',
};

const attached = (a: FileAttachment, file: StoredFile) => ({
  fileId: a.fileId,
  contentType: a.contentType,
  size: a.size,
  ...(file.fileName ? { fileName: file.fileName } : {}),
});

/**
 * Lets another module attach a file to something (a KYC submission, a
 * profile): only the owner's file, of the right purpose, whose object really
 * exists in the bucket as declared. `field` names the request field for errors.
 *
 * Attaching copies the object server-side to a key of its own under
 * `attached/` (which no presigned upload URL can write), checks the copy,
 * records it with its ETag in an insert-or-fail document keyed by the file id,
 * then deletes the upload object. The first attach wins; any later or
 * concurrent attach of the same file returns that recorded attachment (a
 * loser deletes its own copy), so attaching is idempotent and what is
 * recorded never changes. The sweeper of unattached uploads takes the same key
 * with a tombstone before it deletes anything: an attach that finds it there
 * deletes its copy and answers that the file is gone.
 */
export function makeAttachFile(deps: FilesDeps) {
  /** One attempt: 'lost' when another attempt recorded the attachment first. */
  async function attachOnce(file: StoredFile, field: string): Promise<FileAttachment | 'lost'> {
    const fieldError = (check: Exclude<CopyCheck, 'ok'>) => AppError.validation({ [field]: [problems[check]] });
    const uploaded = checkUploadedObject(file, await deps.storage.head(file.key));
    if (uploaded !== 'ok') throw fieldError(uploaded);

    const key = attachedObjectKey(file, deps.newId());
    let attachment: FileAttachment;
    try {
      const { etag } = await deps.storage.copy(file.key, key);
      // The upload key may have been rewritten between the HEAD and the copy:
      // check what was actually copied, since that is what gets recorded.
      const copied = checkCopiedObject(file, etag, await deps.storage.head(key));
      if (copied !== 'ok') throw fieldError(copied);
      attachment = { fileId: file.id, key, etag, size: file.size, contentType: file.contentType, attachedAt: deps.clock.now() };
    } catch (error) {
      // Nothing records this attempt's copy yet, and it may exist even when the
      // copy call failed (a lost response, a retried request): delete it. The
      // original error is the one worth reporting, so a failed delete is not.
      await deps.storage.remove(key).catch(() => {});
      throw error;
    }
    if ((await deps.files.insertAttachment(attachment)) === 'duplicate') {
      await deps.storage.remove(key);
      return 'lost';
    }
    await deps.storage.remove(file.key);
    return attachment;
  }

  return async function attachFile(input: { fileId: string; ownerId: string; purpose: UploadPurpose; field: string }) {
    const gone = () => AppError.validation({ [input.field]: ['No such file; upload it again'] });
    /** Who took the attachment key while this call was working: another attach (the answer) or the sweeper. */
    const winner = async () => {
      const taken = await deps.files.findAttachment(input.fileId);
      if (taken === 'swept') throw gone();
      return taken;
    };
    const file = await deps.files.findById(input.fileId);
    if (!file) throw gone();
    if (file.ownerId !== input.ownerId) throw new AppError('FORBIDDEN', 'You can only attach your own files.');
    if (file.purpose !== input.purpose)
      throw AppError.validation({ [input.field]: ['This file was uploaded for something else'] });
    if (file.attachment) return attached(file.attachment, file);

    let outcome: FileAttachment | 'lost';
    try {
      outcome = await attachOnce(file, input.field);
    } catch (error) {
      // A concurrent attach may have won meanwhile (and deleted the upload
      // object this attempt was checking or copying): its record is the answer.
      // Or the sweeper did, and deleted the object: the file is gone.
      const taken = await winner();
      if (taken) return attached(taken, file);
      throw error;
    }
    if (outcome !== 'lost') return attached(outcome, file);
    const taken = await winner();
    if (!taken) throw new Error(`file ${file.id}: attachment reported taken but not found`);
    return attached(taken, file);
  };
}
