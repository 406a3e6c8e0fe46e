import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config.ts';
import { makeS3ObjectStorage } from './s3-object-storage.ts';

// The local S3 must refuse what AWS refuses, or uploads that pass here break in production.
const settings = loadConfig({ ...process.env, NODE_ENV: 'test' }).s3;
const storage = makeS3ObjectStorage(settings);
afterAll(() => storage.close());

const body = new TextEncoder().encode('%PDF-1.4 a real document\n');
const put = (url: string, bytes: Uint8Array, contentType = 'application/pdf', headers: Record<string, string> = {}) =>
  fetch(url, { method: 'PUT', headers: { 'Content-Type': contentType, ...headers }, body: Buffer.from(bytes) });
const key = () => `strictness/${randomUUID()}`;
const tamper = (url: string) =>
  url.replace(/X-Amz-Signature=([0-9a-f])/, (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`);

describe('presigned uploads against the strict local S3', () => {
  it('accepts exactly the signed upload and serves it back only through a signed link', async () => {
    const k = key();
    const { url } = await storage.presignPut(k, 'application/pdf', body.byteLength, 60);
    expect(url).not.toContain('x-amz-checksum');
    expect((await put(url, body)).status).toBe(200);
    expect(await storage.head(k)).toMatchObject({ size: body.byteLength, contentType: 'application/pdf' });

    const signed = await fetch(await storage.presignGet(k, 60));
    expect(signed.status).toBe(200);
    expect(new Uint8Array(await signed.arrayBuffer())).toEqual(body);
  });

  // Each case: what a tampering or careless client sends, and the refusal AWS gives.
  const refused: { name: string; status: number; attempt: (k: string) => Promise<Response> }[] = [
    {
      name: 'a tampered signature',
      status: 403,
      attempt: async (k) => put(tamper((await storage.presignPut(k, 'application/pdf', body.byteLength, 60)).url), body),
    },
    {
      name: 'an expired URL',
      status: 403,
      attempt: async (k) => {
        const { url } = await storage.presignPut(k, 'application/pdf', body.byteLength, 1);
        await new Promise((r) => setTimeout(r, 2_100));
        return put(url, body);
      },
    },
    {
      name: 'a body larger than signed',
      status: 403,
      attempt: async (k) =>
        put((await storage.presignPut(k, 'application/pdf', body.byteLength, 60)).url, new Uint8Array(body.byteLength + 1000)),
    },
    {
      name: 'a content type other than signed',
      status: 403,
      attempt: async (k) => put((await storage.presignPut(k, 'application/pdf', body.byteLength, 60)).url, body, 'text/html'),
    },
    {
      name: 'a checksum that does not match the body',
      status: 400,
      attempt: async (k) => {
        // The SDK's default setting signs the CRC32 of an empty body: what real S3 refuses for every real upload.
        const careless = new S3Client({
          region: settings.region,
          endpoint: settings.endpoint!,
          forcePathStyle: true,
          credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
        });
        const url = await getSignedUrl(
          careless,
          new PutObjectCommand({ Bucket: settings.bucket, Key: k, ContentType: 'application/pdf' }),
          { expiresIn: 60 },
        );
        careless.destroy();
        expect(url).toContain('x-amz-checksum-crc32=AAAAAA%3D%3D');
        return put(url, body);
      },
    },
  ];

  it.each(refused)('refuses $name and stores nothing', async ({ status, attempt }) => {
    const k = key();
    const res = await attempt(k);
    expect(res.status, await res.text()).toBe(status);
    expect(await storage.head(k)).toBeNull();
  });

  it('refuses unsigned reads and listings of the private bucket', async () => {
    const k = key();
    await put((await storage.presignPut(k, 'application/pdf', body.byteLength, 60)).url, body);
    const bucketUrl = `${settings.endpoint}/${settings.bucket}`;
    expect((await fetch(`${bucketUrl}/${k}`)).status).toBe(403);
    expect((await fetch(`${bucketUrl}?list-type=2`)).status).toBe(403);
    expect((await fetch(tamper(await storage.presignGet(k, 60)))).status).toBe(403);
  });
});
