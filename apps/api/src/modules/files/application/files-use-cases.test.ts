import { describe, expect, it } from 'vitest';
import { rejection } from '../../../test-support/rejection.ts';
import { makeFakeFilesDeps } from './files.fakes.ts';
import { makeFilesUseCases } from './use-cases.ts';

const doctor = { userId: 'doc-1', role: 'doctor' as const };
const PNG = 'png-bytes-1';

async function setup(declaredSize = PNG.length) {
  const fake = makeFakeFilesDeps();
  const uc = makeFilesUseCases(fake.deps);
  const upload = await uc.createUpload({ caller: doctor, purpose: 'avatar', contentType: 'image/png', size: declaredSize });
  const uploadKey = fake.files.get(upload.fileId)!.key;
  const attach = () => uc.attachFile({ fileId: upload.fileId, ownerId: doctor.userId, purpose: 'avatar', field: 'avatarFileId' });
  const attachedKeys = () => [...fake.objects.keys()].filter((k) => k.startsWith('attached/'));
  return { fake, uc, fileId: upload.fileId, uploadKey, attach, attachedKeys };
}

describe('attachFile', () => {
  it('moves the object to an attached key, records its ETag and serves only that copy', async () => {
    const { fake, uc, fileId, uploadKey, attach, attachedKeys } = await setup();
    fake.put(uploadKey, PNG, 'image/png');
    expect(await uc.getFileUrl(fileId)).toBeNull();

    expect(await attach()).toEqual({ fileId, contentType: 'image/png', size: 11 });
    const [key] = attachedKeys();
    expect(key).toMatch(new RegExp(`^attached/avatar/doc-1/${fileId}/`));
    expect(fake.objects.has(uploadKey)).toBe(false);
    expect(fake.attachments.get(fileId)).toMatchObject({ key, etag: fake.objects.get(key!)!.etag, size: PNG.length });

    // The presigned PUT is still valid: rewriting the upload key changes nothing served.
    fake.put(uploadKey, 'evil-bytes!', 'image/png');
    expect((await uc.getFileUrl(fileId))!.url).toBe(`get://${key}`);
    expect(await attach()).toEqual({ fileId, contentType: 'image/png', size: 11 });
    expect(attachedKeys()).toEqual([key]);
    expect(fake.objects.get(key!)!.bytes).toBe(PNG);
  });

  it('records one attachment and keeps one copy when attached concurrently', async () => {
    const { fake, fileId, uploadKey, attach, attachedKeys } = await setup();
    fake.put(uploadKey, PNG, 'image/png');
    const results = await Promise.all(Array.from({ length: 10 }, attach));
    expect(results).toEqual(Array.from({ length: 10 }, () => ({ fileId, contentType: 'image/png', size: 11 })));
    expect(fake.attachments.size).toBe(1);
    expect(attachedKeys()).toEqual([fake.attachments.get(fileId)!.key]);
  });

  it('refuses a missing or mismatched upload and records nothing', async () => {
    const missing = await setup();
    expect((await rejection(missing.attach())).details).toEqual({
      fieldErrors: { avatarFileId: [expect.stringMatching(/not been uploaded/)] },
    });

    const short = await setup(PNG.length + 5);
    short.fake.put(short.uploadKey, PNG, 'image/png');
    expect((await rejection(short.attach())).code).toBe('VALIDATION_FAILED');

    const wrongType = await setup();
    wrongType.fake.put(wrongType.uploadKey, PNG, 'image/jpeg');
    expect(((await rejection(wrongType.attach())).details as any).fieldErrors.avatarFileId[0]).toMatch(/type/);

    for (const s of [missing, short, wrongType]) {
      expect(s.fake.attachments.size).toBe(0);
      expect(s.attachedKeys()).toEqual([]);
    }
  });

  it('checks the copy itself: an object swapped after the HEAD check is refused and its copy deleted', async () => {
    const { fake, uploadKey, attach, attachedKeys } = await setup();
    fake.put(uploadKey, PNG, 'image/png');
    fake.hooks.beforeCopy = (key) => fake.put(key, `${PNG}-longer`, 'image/png');
    expect((await rejection(attach())).code).toBe('VALIDATION_FAILED');
    expect(fake.attachments.size).toBe(0);
    expect(attachedKeys()).toEqual([]);
  });

  it("answers with the winner's attachment when a racing attach removed the upload first", async () => {
    const { fake, fileId, uploadKey, attach } = await setup();
    fake.put(uploadKey, PNG, 'image/png');
    // The first attempt passes its HEAD check, then the other attempt wins and deletes the upload object.
    let first = true;
    fake.hooks.beforeCopy = () => {
      if (!first) return;
      first = false;
      fake.attachments.set(fileId, {
        fileId,
        key: `attached/avatar/doc-1/${fileId}/winner`,
        etag: '"w"',
        size: PNG.length,
        contentType: 'image/png',
        attachedAt: new Date(0),
      });
      fake.objects.delete(uploadKey);
    };
    expect(await attach()).toEqual({ fileId, contentType: 'image/png', size: 11 });
    expect(fake.attachments.get(fileId)!.etag).toBe('"w"');
  });

  it('deletes a copy whose copy call failed after the object was written, and records nothing', async () => {
    const { fake, uploadKey, attach, attachedKeys } = await setup();
    fake.put(uploadKey, PNG, 'image/png');
    fake.hooks.afterCopy = () => {
      throw new Error('socket hang up');
    };
    await expect(attach()).rejects.toThrow('socket hang up');
    expect(attachedKeys()).toEqual([]);
    expect(fake.attachments.size).toBe(0);
    expect(fake.objects.has(uploadKey)).toBe(true);
  });

  it("refuses someone else's file and a file uploaded for another purpose", async () => {
    const { fake, uc, fileId, uploadKey } = await setup();
    fake.put(uploadKey, PNG, 'image/png');
    const other = uc.attachFile({ fileId, ownerId: 'doc-2', purpose: 'avatar', field: 'avatarFileId' });
    expect((await rejection(other)).code).toBe('FORBIDDEN');
    const kyc = uc.attachFile({ fileId, ownerId: 'doc-1', purpose: 'kyc-document', field: 'documents.identity' });
    expect((await rejection(kyc)).code).toBe('VALIDATION_FAILED');
    expect(fake.attachments.size).toBe(0);
  });
});
