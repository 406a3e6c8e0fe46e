import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { doctorProfile } from '../../../test-support/doctors.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { openBucket, type TestBucket } from '../../../test-support/s3-bucket.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import type { AttachmentDoc } from '../infrastructure/mongo-file.repository.ts';
import { tinyPdf, tinyPng, uploadFile } from '../../../test-support/uploads.ts';

let api: TestApi;
let bucket: TestBucket;
beforeAll(async () => {
  api = await startTestApi();
  bucket = openBucket(api.config.s3);
});
afterAll(async () => {
  bucket?.close();
  await api?.stop();
});

const attachments = () => api.db.collection<AttachmentDoc>('file_attachments');

/** Same length as the original, so it fits the presigned URL's signed Content-Length. */
const tampered = (bytes: Uint8Array) => {
  const copy = Uint8Array.from(bytes);
  copy[copy.length - 1] = copy[copy.length - 1]! ^ 0xff;
  return copy;
};

/** The browser's first step only, keeping the presigned URL for later. */
async function createUpload(c: ApiClient, purpose: string, contentType: string, size: number) {
  const created = await c.post('/api/v1/uploads', { purpose, contentType, size, fileName: 'doc' });
  expect(created.status, created.text).toBe(201);
  return created.body as { fileId: string; uploadUrl: string; headers: Record<string, string> };
}

const putBytes = (upload: { uploadUrl: string; headers: Record<string, string> }, bytes: Uint8Array) =>
  fetch(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: Buffer.from(bytes) });

/** What GET /files/:id/url serves, downloaded. */
async function served(c: ApiClient, fileId: string) {
  const link = await c.get(`/api/v1/files/${fileId}/url`);
  expect(link.status, link.text).toBe(200);
  const res = await fetch(link.body.url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function uploadKeyOf(fileId: string) {
  const doc = await api.db.collection<{ _id: string; key: string }>('files').findOne({ _id: fileId });
  return doc!.key;
}

describe('attached files cannot be changed through the upload URL', () => {
  it('keeps serving the attached avatar after new bytes are PUT through the original presigned URL', async () => {
    const doctor = await signedIn(api, 'doctor');
    const upload = await createUpload(doctor.c, 'avatar', 'image/png', tinyPng.byteLength);
    expect((await putBytes(upload, tinyPng)).status).toBe(200);
    const saved = await doctor.c.put('/api/v1/doctors/me/profile', doctorProfile({ avatarFileId: upload.fileId }));
    expect(saved.status, saved.text).toBe(200);

    const recorded = await attachments().findOne({ _id: upload.fileId });
    expect(recorded).toMatchObject({ size: tinyPng.byteLength, contentType: 'image/png' });
    expect(recorded!.key.startsWith(`attached/avatar/${doctor.id}/${upload.fileId}/`)).toBe(true);
    expect(recorded!.etag).toBe(await bucket.headEtag(recorded!.key));
    expect((await served(doctor.c, upload.fileId)).equals(Buffer.from(tinyPng))).toBe(true);

    // The upload URL is still within its 10 minutes: it can write the upload key again...
    expect((await putBytes(upload, tampered(tinyPng))).status).toBe(200);
    // ...but what is served (and recorded) is the attached copy, unchanged.
    expect((await served(doctor.c, upload.fileId)).equals(Buffer.from(tinyPng))).toBe(true);
    expect((await doctor.c.get(`/api/v1/files/${upload.fileId}/url`)).body.url).toContain(`/attached/avatar/`);
    // Saving the profile again attaches nothing new: the recorded attachment stands.
    expect((await doctor.c.put('/api/v1/doctors/me/profile', doctorProfile({ avatarFileId: upload.fileId }))).status).toBe(200);
    expect((await served(doctor.c, upload.fileId)).equals(Buffer.from(tinyPng))).toBe(true);
    expect(await attachments().findOne({ _id: upload.fileId })).toEqual(recorded);
    expect(await bucket.headEtag(recorded!.key)).toBe(recorded!.etag);
    expect(await bucket.keysUnder(`attached/avatar/${doctor.id}/${upload.fileId}/`)).toEqual([recorded!.key]);
  });

  it('keeps serving the KYC document the admin reviewed after the upload URL is reused', async () => {
    const admin = await signedInAdmin(api);
    const doctor = await signedIn(api, 'doctor');
    expect((await doctor.c.put('/api/v1/doctors/me/profile', doctorProfile())).status).toBe(200);
    const identity = await createUpload(doctor.c, 'kyc-document', 'application/pdf', tinyPdf.byteLength);
    expect((await putBytes(identity, tinyPdf)).status).toBe(200);
    const license = await uploadFile(doctor.c, 'kyc-document', 'application/pdf', tinyPdf);
    const kyc = await doctor.c.put('/api/v1/doctors/me/kyc', {
      registrationNumber: 'REG-ATTACH-1',
      council: 'National Medical Commission',
      registrationYear: 2014,
      documents: { identity: identity.fileId, license },
    });
    expect(kyc.status, kyc.text).toBe(200);
    const recorded = await attachments().findOne({ _id: identity.fileId });
    expect((await served(admin.c, identity.fileId)).equals(Buffer.from(tinyPdf))).toBe(true);

    expect((await putBytes(identity, tampered(tinyPdf))).status).toBe(200);
    expect((await served(admin.c, identity.fileId)).equals(Buffer.from(tinyPdf))).toBe(true);
    expect((await served(doctor.c, identity.fileId)).equals(Buffer.from(tinyPdf))).toBe(true);
    expect(await attachments().findOne({ _id: identity.fileId })).toEqual(recorded);
    expect(await bucket.headEtag(recorded!.key)).toBe(recorded!.etag);
  });
});

describe('attaching is single-writer', () => {
  it('records exactly one attachment and keeps exactly one copy when the same file is attached 10 times at once', async () => {
    const doctor = await signedIn(api, 'doctor');
    expect((await doctor.c.put('/api/v1/doctors/me/profile', doctorProfile())).status).toBe(200);
    const fileId = await uploadFile(doctor.c, 'avatar', 'image/png', tinyPng);
    const uploadKey = await uploadKeyOf(fileId);

    const saves = await Promise.all(
      Array.from({ length: 10 }, () => doctor.c.put('/api/v1/doctors/me/profile', doctorProfile({ avatarFileId: fileId }))),
    );
    expect(
      saves.map((s) => s.status),
      saves.map((s) => s.text).join('\n'),
    ).toEqual(Array(10).fill(200));

    expect(await attachments().countDocuments({ _id: fileId })).toBe(1);
    const recorded = await attachments().findOne({ _id: fileId });
    expect(await bucket.keysUnder(`attached/avatar/${doctor.id}/${fileId}/`)).toEqual([recorded!.key]);
    expect(await bucket.keysUnder(uploadKey)).toEqual([]);
    expect(await bucket.headEtag(recorded!.key)).toBe(recorded!.etag);
    expect((await served(doctor.c, fileId)).equals(Buffer.from(tinyPng))).toBe(true);
    expect((await doctor.c.get('/api/v1/doctors/me')).body.doctor.profile.avatarFileId).toBe(fileId);
  });
});

describe('attaching checks the object first', () => {
  it('refuses a file never uploaded, or uploaded with another size or type, and records nothing', async () => {
    const doctor = await signedIn(api, 'doctor');
    const attach = (avatarFileId: string) => doctor.c.put('/api/v1/doctors/me/profile', doctorProfile({ avatarFileId }));
    const fieldError = (res: { status: number; body: any }) => {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      return res.body.error.details.fieldErrors.avatarFileId[0] as string;
    };

    const never = await createUpload(doctor.c, 'avatar', 'image/png', tinyPng.byteLength);
    expect(fieldError(await attach(never.fileId))).toMatch(/not been uploaded/);

    // Written straight to the bucket (bypassing the URL's signed headers), like a lenient store would allow.
    const bigger = await createUpload(doctor.c, 'avatar', 'image/png', tinyPng.byteLength + 10);
    await bucket.put(await uploadKeyOf(bigger.fileId), tinyPng, 'image/png');
    expect(fieldError(await attach(bigger.fileId))).toMatch(/not the size/);

    const otherType = await createUpload(doctor.c, 'avatar', 'image/png', tinyPng.byteLength);
    await bucket.put(await uploadKeyOf(otherType.fileId), tinyPng, 'image/jpeg');
    expect(fieldError(await attach(otherType.fileId))).toMatch(/not the type/);

    for (const { fileId } of [never, bigger, otherType]) {
      expect(await attachments().countDocuments({ _id: fileId })).toBe(0);
      expectError404(await doctor.c.get(`/api/v1/files/${fileId}/url`));
    }
    expect(await bucket.keysUnder(`attached/avatar/${doctor.id}/`)).toEqual([]);
    expect((await doctor.c.get('/api/v1/doctors/me')).body.doctor.profile).toBeNull();
  });
});

function expectError404(res: { status: number; body: any }) {
  expect(res.status, JSON.stringify(res.body)).toBe(404);
  expect(res.body.error.code).toBe('NOT_FOUND');
}
