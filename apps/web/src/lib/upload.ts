import { uploadRules, type CreateUploadResponse, type UploadPurpose } from '@doctime/contracts';
import { api, isApiError } from './api-client';
import { formatBytes } from './format';

export const UPLOADS_PATH = '/api/v1/uploads';

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};

function typeNames(purpose: UploadPurpose): string[] {
  return [...new Set(uploadRules[purpose].contentTypes.map((type) => TYPE_NAMES[type] ?? type))];
}

function listOf(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** The `accept` attribute for a file picker of this purpose. */
export function acceptFor(purpose: UploadPurpose): string {
  return uploadRules[purpose].contentTypes.join(',');
}

/** "PDF, JPEG or PNG, up to 10 MB". */
export function describeUploadRule(purpose: UploadPurpose): string {
  return `${listOf(typeNames(purpose))}, up to ${formatBytes(uploadRules[purpose].maxBytes)}`;
}

/** A friendly reason the file cannot be uploaded for this purpose, or null when it is fine. */
export function checkUploadFile(file: File, purpose: UploadPurpose): string | null {
  const rule = uploadRules[purpose];
  if (!(rule.contentTypes as readonly string[]).includes(file.type)) {
    return `“${file.name}” is not a file type we accept. Choose a ${listOf(typeNames(purpose))} file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty. Choose another file.`;
  if (file.size > rule.maxBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(rule.maxBytes)}. Choose a smaller file.`;
  }
  return null;
}

/** Why an upload failed, in words a person can act on. */
export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

function uploadErrorFrom(error: unknown): Error {
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (isApiError(error)) {
    const messages = Object.values(error.fieldErrors).flat();
    return new UploadError(messages.length ? messages.join(' ') : error.message);
  }
  return error instanceof Error ? error : new UploadError('The upload failed. Please try again.');
}

/** PUTs the raw file to the presigned URL: no credentials, exactly the headers the API gave. */
function putFile(
  target: CreateUploadResponse,
  file: File,
  onProgress: ((percent: number) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.uploadUrl);
    xhr.withCredentials = false;
    for (const [name, value] of Object.entries(target.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(100);
        resolve();
      } else {
        reject(new UploadError(`The file storage refused the upload (${xhr.status}). Please try again.`));
      }
    };
    xhr.onerror = () => reject(new UploadError('The upload did not get through. Check your connection and try again.'));
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/**
 * Uploads a file for `purpose`: checks type and size, asks the API for a
 * presigned URL, then sends the file straight to storage, reporting progress
 * (0–100). Resolves to the file id to attach to a form. Rejects with an
 * UploadError (friendly message) or an AbortError when `signal` aborts.
 */
export async function uploadFile(
  file: File,
  purpose: UploadPurpose,
  onProgress?: (percent: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const problem = checkUploadFile(file, purpose);
  if (problem) throw new UploadError(problem);
  try {
    onProgress?.(0);
    const target = await api.post<CreateUploadResponse>(
      UPLOADS_PATH,
      { purpose, contentType: file.type, size: file.size, fileName: file.name.slice(0, 200) },
      signal ? { signal } : undefined,
    );
    await putFile(target, file, onProgress, signal);
    return target.fileId;
  } catch (error) {
    throw uploadErrorFrom(error);
  }
}
