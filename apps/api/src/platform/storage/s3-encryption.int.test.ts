import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config.ts';
import { signedIn } from '../../test-support/accounts.ts';
import { doctorProfile } from '../../test-support/doctors.ts';
import { openBucket, type TestBucket } from '../../test-support/s3-bucket.ts';
import { startTestApi, type TestApi } from '../../test-support/test-api.ts';
import { tinyPng } from '../../test-support/uploads.ts';
import { makeS3ObjectStorage } from './s3-object-storage.ts';

// With S3_SSE (production's default is AES256) every object is written encrypted at rest: the
// presigned upload signs the encryption header, so an upload that leaves it out is refused, and
// the server-side copy made on attach asks for encryption itself (a copy does not inherit it).
let api: TestApi;
let bucket: TestBucket;
beforeAll(async () => {
  api = await startTestApi({ S3_SSE: 'AES256' });
  bucket = openBucket(api.config.s3);
});
afterAll(async () => {
  bucket?.close();
  await api?.stop();
});

const signedHeaders = (url: string) => new URL(url).searchParams.get('X-Amz-SignedHeaders')!.split(';');
const put = (url: string, headers: Record<string, string>) => fetch(url, { method: 'PUT', headers, body: Buffer.from(tinyPng) });

describe('server-side encryption of stored objects', () => {
  it('refuses an upload without the signed encryption header, stores it encrypted with it, and encrypts the attached copy', async () => {
    const doctor = await signedIn(api, 'doctor');
    const created = await doctor.c.post('/api/v1/uploads', {
      purpose: 'avatar',
      contentType: 'image/png',
      size: tinyPng.byteLength,
      fileName: 'me.png',
    });
    expect(created.status, created.text).toBe(201);
    const { fileId, uploadUrl, headers } = created.body as { fileId: string; uploadUrl: string; headers: Record<string, string> };
    expect(headers).toEqual({ 'Content-Type': 'image/png', 'x-amz-server-side-encryption': 'AES256' });
    expect(signedHeaders(uploadUrl)).toContain('x-amz-server-side-encryption');
    const uploadKey = (await api.db.collection<{ _id: string; key: string }>('files').findOne({ _id: fileId }))!.key;

    const without = await put(uploadUrl, { 'Content-Type': 'image/png' });
    expect(without.status).toBe(403);
    expect(await without.text()).toContain('SignatureDoesNotMatch');
    expect(await bucket.keysUnder(uploadKey)).toEqual([]);

    expect((await put(uploadUrl, headers)).status).toBe(200);
    expect(await bucket.encryption(uploadKey)).toBe('AES256');

    const saved = await doctor.c.put('/api/v1/doctors/me/profile', doctorProfile({ avatarFileId: fileId }));
    expect(saved.status, saved.text).toBe(200);
    const attached = await api.db.collection<{ _id: string; key: string }>('file_attachments').findOne({ _id: fileId });
    expect(attached!.key.startsWith('attached/avatar/')).toBe(true);
    expect(await bucket.encryption(attached!.key)).toBe('AES256');
    // ...and read back through a presigned link as it was uploaded.
    const link = await doctor.c.get(`/api/v1/files/${fileId}/url`);
    expect(link.status, link.text).toBe(200);
    expect(Buffer.from(await (await fetch(link.body.url)).arrayBuffer()).equals(Buffer.from(tinyPng))).toBe(true);
  });

  it('encrypts a server-side copy of an object that was stored unencrypted', async () => {
    const storage = makeS3ObjectStorage(api.config.s3);
    const plain = `encryption-test/${randomUUID()}`;
    await bucket.put(plain, tinyPng, 'image/png');
    expect(await bucket.encryption(plain)).toBeUndefined();
    await storage.copy(plain, `${plain}-copy`);
    expect(await bucket.encryption(`${plain}-copy`)).toBe('AES256');
    await Promise.all([storage.remove(plain), storage.remove(`${plain}-copy`)]);
    storage.close();
  });

  it('with aws:kms signs the KMS key id too, and hands both headers to the browser', async () => {
    const env = { ...process.env, NODE_ENV: 'test', S3_SSE: 'aws:kms', S3_SSE_KMS_KEY_ID: 'alias/doctime-files' };
    const storage = makeS3ObjectStorage(loadConfig(env).s3);
    const { url, headers } = await storage.presignPut('kms/key', 'application/pdf', 10, 60);
    storage.close();
    expect(headers).toEqual({
      'Content-Type': 'application/pdf',
      'x-amz-server-side-encryption': 'aws:kms',
      'x-amz-server-side-encryption-aws-kms-key-id': 'alias/doctime-files',
    });
    expect(signedHeaders(url)).toEqual(expect.arrayContaining(Object.keys(headers).map((h) => h.toLowerCase())));
    expect(url).not.toContain('x-amz-server-side-encryption=');
  });
});
