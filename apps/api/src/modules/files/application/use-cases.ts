import { makeAttachFile } from './attach-file.ts';
import { makeCreateUpload } from './create-upload.ts';
import { makeGetFileUrl, makeGetOwnFileUrl } from './get-file-url.ts';
import type { FilesDeps } from './ports.ts';
import { makeSweepUnattachedUploads } from './sweep-unattached-uploads.ts';

export function makeFilesUseCases(deps: FilesDeps) {
  return {
    createUpload: makeCreateUpload(deps),
    attachFile: makeAttachFile(deps),
    getFileUrl: makeGetFileUrl(deps),
    getOwnFileUrl: makeGetOwnFileUrl(deps),
    sweepUnattachedUploads: makeSweepUnattachedUploads(deps),
  };
}
export type FilesUseCases = ReturnType<typeof makeFilesUseCases>;
