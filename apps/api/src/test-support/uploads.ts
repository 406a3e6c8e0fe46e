import type { ApiClient } from './http-client.ts';

/** The browser's two steps: ask the API for a presigned URL, then PUT the bytes to S3. */
export async function uploadFile(c: ApiClient, purpose: string, contentType: string, bytes: Uint8Array) {
  const created = await c.post('/api/v1/uploads', { purpose, contentType, size: bytes.byteLength, fileName: 'doc' });
  if (created.status !== 201) throw new Error(`upload refused: ${created.text}`);
  const put = await fetch(created.body.uploadUrl, { method: 'PUT', headers: created.body.headers, body: Buffer.from(bytes) });
  if (!put.ok) throw new Error(`S3 PUT failed: ${put.status} ${await put.text()}`);
  return created.body.fileId as string;
}

export const tinyPdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const tinyPng = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);
