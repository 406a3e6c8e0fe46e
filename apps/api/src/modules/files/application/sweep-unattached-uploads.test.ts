import { describe, expect, it } from 'vitest';
import { rejection } from '../../../test-support/rejection.ts';
import { makeFakeFilesDeps } from './files.fakes.ts';
import { makeFilesUseCases } from './use-cases.ts';

const doctor = { userId: 'doc-1', role: 'doctor' as const };
const PNG = 'png-bytes-1';
const HOUR = 60 * 60 * 1000;

function setup() {
  const fake = makeFakeFilesDeps();
  const uc = makeFilesUseCases(fake.deps);
  /** An upload whose bytes were PUT (or not). */
  const upload = async (put = true) => {
    const { fileId } = await uc.createUpload({ caller: doctor, purpose: 'avatar', contentType: 'image/png', size: PNG.length });
    const key = fake.files.get(fileId)!.key;
    if (put) fake.put(key, PNG, 'image/png');
    return { fileId, key };
  };
  const attach = (fileId: string) => uc.attachFile({ fileId, ownerId: doctor.userId, purpose: 'avatar', field: 'avatarFileId' });
  const attachedKeys = (fileId: string) =>
    [...fake.objects.keys()].filter((k) => k.startsWith(`attached/avatar/doc-1/${fileId}/`));
  return { fake, uc, upload, attach, attachedKeys };
}

describe('sweepUnattachedUploads', () => {
  it('deletes the object and record of uploads not attached within a day, and nothing else', async () => {
    const { fake, uc, upload, attach, attachedKeys } = setup();
    const never = await upload();
    const notPut = await upload(false);
    const kept = await upload();
    await attach(kept.fileId);
    fake.advance(23 * HOUR);
    const recent = await upload();
    expect(await uc.sweepUnattachedUploads()).toBe(0);

    fake.advance(2 * HOUR);
    expect(await uc.sweepUnattachedUploads()).toBe(2);
    for (const gone of [never, notPut]) {
      expect(fake.files.has(gone.fileId)).toBe(false);
      expect(fake.objects.has(gone.key)).toBe(false);
      expect((await rejection(attach(gone.fileId))).details).toEqual({
        fieldErrors: { avatarFileId: ['No such file; upload it again'] },
      });
    }
    expect(fake.files.has(kept.fileId)).toBe(true);
    expect(attachedKeys(kept.fileId)).toEqual([fake.attachments.get(kept.fileId)!.key]);
    expect((await uc.getFileUrl(kept.fileId))!.url).toMatch(/^get:\/\/attached\//);
    expect(fake.files.has(recent.fileId)).toBe(true);
    expect(fake.objects.has(recent.key)).toBe(true);
    // Only the recent upload's quota entry is left to sweep.
    expect([...fake.quota.values()].map((e) => e.fileId)).toEqual([recent.fileId]);
    expect(await uc.sweepUnattachedUploads()).toBe(0);
  });

  it('works through more than one batch', async () => {
    const { fake, uc, upload } = setup();
    for (let i = 0; i < 450; i++) await upload(false);
    fake.advance(25 * HOUR);
    expect(await uc.sweepUnattachedUploads()).toBe(450);
    expect(fake.files.size).toBe(0);
    expect(fake.quota.size).toBe(0);
  });

  it.each(['beforeCopy', 'afterCopy'] as const)(
    'an attach that loses to the sweeper (sweep %s) answers "upload it again" and leaves no copy',
    async (hook) => {
      const { fake, uc, upload, attach, attachedKeys } = setup();
      const { fileId, key } = await upload();
      fake.advance(25 * HOUR);
      let swept: Promise<number> | undefined;
      fake.hooks[hook] = () => {
        swept ??= uc.sweepUnattachedUploads();
        return swept.then(() => {});
      };
      expect(((await rejection(attach(fileId))).details as any).fieldErrors.avatarFileId).toEqual([
        'No such file; upload it again',
      ]);
      expect(await swept).toBe(1);
      expect(fake.attachments.size).toBe(0);
      expect(attachedKeys(fileId)).toEqual([]);
      expect(fake.objects.has(key)).toBe(false);
      expect(fake.files.has(fileId)).toBe(false);
    },
  );

  it('attaches racing a sweep: each file ends attached and kept, or refused and swept', async () => {
    const { fake, uc, upload, attach, attachedKeys } = setup();
    const uploads = await Promise.all(Array.from({ length: 20 }, () => upload()));
    fake.advance(25 * HOUR);
    const [swept, ...outcomes] = await Promise.all([
      uc.sweepUnattachedUploads(),
      ...uploads.map((u) =>
        attach(u.fileId).then(
          () => 'attached' as const,
          () => 'refused' as const,
        ),
      ),
    ]);
    uploads.forEach(({ fileId, key }, i) => {
      const kept = outcomes[i] === 'attached';
      expect(fake.files.has(fileId)).toBe(kept);
      expect(fake.attachments.has(fileId)).toBe(kept);
      expect(fake.sweptMarks.has(fileId)).toBe(!kept);
      expect(attachedKeys(fileId)).toEqual(kept ? [fake.attachments.get(fileId)!.key] : []);
      expect(fake.objects.has(key)).toBe(false);
    });
    expect(swept).toBe(outcomes.filter((o) => o === 'refused').length);
  });

  it('two sweeps at once delete each file once and finish the work', async () => {
    const { fake, uc, upload } = setup();
    for (let i = 0; i < 10; i++) await upload();
    fake.advance(25 * HOUR);
    const counts = await Promise.all([uc.sweepUnattachedUploads(), uc.sweepUnattachedUploads()]);
    expect(counts[0]! + counts[1]!).toBeGreaterThanOrEqual(10);
    expect(fake.files.size).toBe(0);
    expect(fake.sweptMarks.size).toBe(10);
    expect([...fake.objects.keys()]).toEqual([]);
  });
});
