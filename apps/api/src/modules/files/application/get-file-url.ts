import { AppError } from '../../../platform/app-error.ts';
import { DOWNLOAD_URL_TTL_SECONDS, type FilesDeps } from './ports.ts';

/**
 * Short-lived download links to the attached copy. The caller decides who may
 * see the file; this only refuses files that were never attached (an upload
 * is not usable until an attach has checked and copied it).
 */
export function makeGetFileUrl(deps: FilesDeps) {
  return async function getFileUrl(fileId: string) {
    const file = await deps.files.findById(fileId);
    const attachment = file?.attachment;
    if (!file || !attachment) return null;
    const url = await deps.storage.presignGet(attachment.key, DOWNLOAD_URL_TTL_SECONDS, file.fileName);
    const expiresAt = new Date(deps.clock.now().getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString();
    return { fileId, url, contentType: attachment.contentType, expiresAt, ownerId: file.ownerId, purpose: file.purpose };
  };
}

export function makeGetOwnFileUrl(deps: FilesDeps) {
  const getFileUrl = makeGetFileUrl(deps);
  /**
   * A user's own files, anyone's view of avatars, an admin's view of anyone's
   * files but chat media (health data), and the other participant's view of
   * chat media sent in their conversation.
   */
  return async function getOwnFileUrl(fileId: string, caller: { userId: string; role: string }) {
    const link = await getFileUrl(fileId);
    if (!link) throw new AppError('NOT_FOUND', 'No such file.');
    const chat = link.purpose === 'chat-media';
    const allowed =
      link.purpose === 'avatar' ||
      link.ownerId === caller.userId ||
      (caller.role === 'admin' && !chat) ||
      (chat && (await deps.sharedMedia.canView(fileId, caller.userId)));
    if (!allowed) throw new AppError('NOT_FOUND', 'No such file.');
    return { url: link.url, contentType: link.contentType, expiresAt: link.expiresAt };
  };
}
