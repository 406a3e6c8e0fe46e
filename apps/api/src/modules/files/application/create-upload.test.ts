import { describe, expect, it } from 'vitest';
import { rejection } from '../../../test-support/rejection.ts';
import { makeFakeFilesDeps } from './files.fakes.ts';
import { makeFilesUseCases } from './use-cases.ts';

const patient = { userId: 'pat-1', role: 'patient' as const };
const limits = { count: 5, bytes: 1000 };

function setup() {
  const fake = makeFakeFilesDeps(new Date('2026-03-01T23:00:00Z'), limits);
  const uc = makeFilesUseCases(fake.deps);
  const upload = (size: number, caller = patient) =>
    uc.createUpload({ caller, purpose: 'chat-media', contentType: 'image/png', size });
  return { fake, upload };
}

describe('createUpload quota', () => {
  it('lets exactly `count` of many concurrent uploads through and records nothing for the others', async () => {
    const { fake, upload } = setup();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => upload(10)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(fake.files.size).toBe(5);
    expect([...fake.quota.values()].map((e) => e.place).sort((a, b) => a.n - b.n)).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ n, bytes: n * 10 })),
    );
    const refused = results.find((r) => r.status === 'rejected')!.reason;
    expect(refused).toMatchObject({ code: 'UPLOAD_QUOTA_EXCEEDED', details: { limit: 'count', retryAfterSeconds: 3600 } });
    expect(refused.message).toMatch(/limit of 5 uploads/);
  });

  it('keeps the byte total within the limit under a race, and counts each user apart', async () => {
    const { fake, upload } = setup();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => upload(300)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(fake.files.size).toBe(3);
    // A smaller file still fits; another user has a quota of their own.
    await upload(100);
    const bytes = await rejection(upload(1));
    expect(bytes).toMatchObject({ code: 'UPLOAD_QUOTA_EXCEEDED', details: { limit: 'bytes' } });
    expect(bytes.message).toMatch(/upload limit of 1000 bytes/);
    await upload(1000, { userId: 'pat-2', role: 'patient' });
  });

  it('starts afresh the next UTC day', async () => {
    const { fake, upload } = setup();
    for (let i = 0; i < 5; i++) await upload(10);
    expect((await rejection(upload(10))).code).toBe('UPLOAD_QUOTA_EXCEEDED');
    fake.advance(60 * 60 * 1000);
    await upload(10);
    expect(fake.files.size).toBe(6);
  });

  it('refuses a purpose the role may not upload for before counting it', async () => {
    const { fake, upload } = setup();
    const kyc = makeFilesUseCases(fake.deps).createUpload({
      caller: patient,
      purpose: 'kyc-document',
      contentType: 'application/pdf',
      size: 10,
    });
    expect((await rejection(kyc)).code).toBe('FORBIDDEN');
    expect(fake.quota.size).toBe(0);
    expect(fake.files.size).toBe(0);
    await upload(10);
  });
});
