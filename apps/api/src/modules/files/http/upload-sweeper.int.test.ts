import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test-support/accounts.ts';
import { doctorProfile } from '../../../test-support/doctors.ts';
import { openBucket, type TestBucket } from '../../../test-support/s3-bucket.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { tinyPng, uploadFile } from '../../../test-support/uploads.ts';
import type { AttachmentDoc, SweptDoc } from '../infrastructure/mongo-file.repository.ts';

const HOUR = 60 * 60 * 1000;
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

const sweep = () => api.container.files.useCases.sweepUnattachedUploads();
const fileRecord = (id: string) => api.db.collection<{ _id: string; key: string }>('files').findOne({ _id: id });
const attachmentKey = (id: string) => api.db.collection<AttachmentDoc | SweptDoc>('file_attachments').findOne({ _id: id });

async function upload(c: Parameters<typeof uploadFile>[0], put = true) {
  if (put) return uploadFile(c, 'avatar', 'image/png', tinyPng);
  const created = await c.post('/api/v1/uploads', { purpose: 'avatar', contentType: 'image/png', size: tinyPng.byteLength });
  expect(created.status, created.text).toBe(201);
  return created.body.fileId as string;
}

describe('the sweeper of uploads never attached', () => {
  it('deletes the object and then the record of uploads not attached within a day, and nothing else', async () => {
    const doctor = await signedIn(api, 'doctor');
    const kept = await upload(doctor.c);
    expect((await doctor.c.put('/api/v1/doctors/me/profile', doctorProfile({ avatarFileId: kept }))).status).toBe(200);
    const keptAttachment = (await attachmentKey(kept)) as AttachmentDoc;
    const never = await upload(doctor.c);
    const notPut = await upload(doctor.c, false);
    const neverKey = (await fileRecord(never))!.key;
    expect(await bucket.keysUnder(neverKey)).toEqual([neverKey]);

    api.clock.advance(23 * HOUR);
    const recent = await upload(doctor.c);
    expect(await sweep()).toBe(0);
    expect(await fileRecord(never)).not.toBeNull();

    api.clock.advance(2 * HOUR);
    expect(await sweep()).toBe(2);
    expect(await bucket.keysUnder(neverKey)).toEqual([]);
    for (const id of [never, notPut]) {
      expect(await fileRecord(id)).toBeNull();
      expect(await attachmentKey(id)).toMatchObject({ sweptAt: expect.any(Date) });
      expect((await doctor.c.get(`/api/v1/files/${id}/url`)).status).toBe(404);
    }
    // A swept file can no longer be attached.
    const late = await doctor.c.put('/api/v1/doctors/me/profile', doctorProfile({ avatarFileId: never }));
    expect(late.status).toBe(400);
    expect(late.body.error.details.fieldErrors.avatarFileId).toEqual(['No such file; upload it again']);

    // The attached file and its copy are untouched; the recent upload waits its day.
    expect(await attachmentKey(kept)).toEqual(keptAttachment);
    expect(await bucket.headEtag(keptAttachment.key)).toBe(keptAttachment.etag);
    expect((await doctor.c.get(`/api/v1/files/${kept}/url`)).status).toBe(200);
    const recentKey = (await fileRecord(recent))!.key;
    expect(await bucket.keysUnder(recentKey)).toEqual([recentKey]);
    expect(
      await api.db
        .collection('upload_quota')
        .find()
        .map((e) => e['fileId'])
        .toArray(),
    ).toEqual([recent]);
    expect(await sweep()).toBe(0);
  });

  it('never loses an attach that races it: each file ends attached and kept, or refused and swept', async () => {
    // Earlier uploads out of the way, so the count below is this race's alone.
    api.clock.advance(25 * HOUR);
    await sweep();
    const doctor = await signedIn(api, 'doctor');
    const ids = await Promise.all(Array.from({ length: 12 }, () => upload(doctor.c)));
    const uploadKeys = await Promise.all(ids.map(async (id) => (await fileRecord(id))!.key));
    api.clock.advance(25 * HOUR);

    const attach = (fileId: string) =>
      api.container.files.useCases.attachFile({ fileId, ownerId: doctor.id, purpose: 'avatar', field: 'avatarFileId' }).then(
        () => 'attached' as const,
        (error) => {
          expect(error.details).toEqual({ fieldErrors: { avatarFileId: ['No such file; upload it again'] } });
          return 'refused' as const;
        },
      );
    const [swept, ...outcomes] = await Promise.all([sweep(), ...ids.map(attach)]);

    expect(swept).toBe(outcomes.filter((o) => o === 'refused').length);
    for (const [i, id] of ids.entries()) {
      const copies = await bucket.keysUnder(`attached/avatar/${doctor.id}/${id}/`);
      const taken = await attachmentKey(id);
      if (outcomes[i] === 'attached') {
        expect(await fileRecord(id)).not.toBeNull();
        expect(copies).toEqual([(taken as AttachmentDoc).key]);
        expect(await bucket.headEtag(copies[0]!)).toBe((taken as AttachmentDoc).etag);
      } else {
        expect(await fileRecord(id)).toBeNull();
        expect(taken).toMatchObject({ sweptAt: expect.any(Date) });
        expect(copies).toEqual([]);
      }
      expect(await bucket.keysUnder(uploadKeys[i]!)).toEqual([]);
    }
  });
});
