import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test-support/accounts.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { makeMongoUploadQuotaRepository } from '../infrastructure/mongo-upload-quota.repository.ts';

const COUNT = 5;
const BYTES = 1000;
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ UPLOAD_DAILY_COUNT: String(COUNT), UPLOAD_DAILY_BYTES: String(BYTES) });
});
afterAll(async () => {
  await api?.stop();
});

const requestUpload = (c: ApiClient, size: number) =>
  c.post('/api/v1/uploads', { purpose: 'chat-media', contentType: 'image/png', size, fileName: 'photo.png' });
const race = (c: ApiClient, size: number, n = 20) => Promise.all(Array.from({ length: n }, () => requestUpload(c, size)));
const filesOf = (ownerId: string) => api.db.collection('files').find({ ownerId }).toArray();
const secondsToNextUtcDay = () => {
  const now = api.clock.now().getTime();
  return Math.ceil((Math.floor(now / 86_400_000 + 1) * 86_400_000 - now) / 1000);
};

function expectRefused(res: Awaited<ReturnType<typeof requestUpload>>, limit: 'count' | 'bytes') {
  expect(res.status, res.text).toBe(429);
  expect(res.body.error).toMatchObject({ code: 'UPLOAD_QUOTA_EXCEEDED', details: { limit } });
  expect(res.body.error.message).toMatch(/today's (limit|upload limit)/);
  expect(Math.abs(Number(res.headers.get('retry-after')) - secondsToNextUtcDay())).toBeLessThanOrEqual(5);
}

describe('per-user daily upload quota', () => {
  it(`lets exactly ${COUNT} of 20 concurrent upload requests through, and records nothing for the others`, async () => {
    const patient = await signedIn(api, 'patient');
    const results = await race(patient.c, 10);
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(COUNT);
    for (const r of results.filter((r) => r.status !== 201)) expectRefused(r, 'count');

    const files = await filesOf(patient.id);
    expect(files.map((f) => f._id).sort()).toEqual(created.map((r) => r.body.fileId).sort());
    // The issued URLs work: the quota refused only the requests beyond it.
    const put = await fetch(created[0]!.body.uploadUrl, {
      method: 'PUT',
      headers: created[0]!.body.headers,
      body: Buffer.alloc(10),
    });
    expect(put.status).toBe(200);
    expectRefused(await requestUpload(patient.c, 1), 'count');
  });

  it('keeps the day’s bytes within the limit under a race, per user', async () => {
    const patient = await signedIn(api, 'patient');
    const results = await race(patient.c, 300);
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    for (const r of results.filter((r) => r.status !== 201)) expectRefused(r, 'bytes');
    expect((await filesOf(patient.id)).map((f) => f['size'])).toEqual([300, 300, 300]);

    // What still fits is allowed; another user's quota is their own.
    expect((await requestUpload(patient.c, 100)).status).toBe(201);
    expectRefused(await requestUpload(patient.c, 1), 'bytes');
    const other = await signedIn(api, 'doctor');
    expect((await requestUpload(other.c, BYTES)).status).toBe(201);
    expect(await filesOf(patient.id)).toHaveLength(4);
  });

  it('starts afresh when the next UTC day starts', async () => {
    const patient = await signedIn(api, 'patient');
    expect((await race(patient.c, 10, COUNT)).map((r) => r.status)).toEqual(Array(COUNT).fill(201));
    expectRefused(await requestUpload(patient.c, 10), 'count');
    api.clock.advance(secondsToNextUtcDay() * 1000);
    expect((await requestUpload(patient.c, 10)).status).toBe(201);
    expect(await filesOf(patient.id)).toHaveLength(COUNT + 1);
  });
});

describe('finding the newest place of a day by probing ids', () => {
  it('finds it for any chain length, from nothing or from a place already seen', async () => {
    const quota = makeMongoUploadQuotaRepository(api.db);
    const at = new Date();
    for (const length of [0, 1, 2, 3, 7, 8, 9, 100]) {
      const userId = `probe-${length}`;
      for (let n = 1; n <= length; n++) {
        const entry = { userId, day: '2026-03-01', place: { n, bytes: n * 10 }, fileId: `f${n}`, key: `k${n}`, at };
        expect(await quota.takePlace(entry)).toBe('ok');
      }
      const newest = { n: length, bytes: length * 10 };
      expect(await quota.findLastPlace(userId, '2026-03-01', { n: 0, bytes: 0 })).toEqual(newest);
      if (length > 1) expect(await quota.findLastPlace(userId, '2026-03-01', { n: 1, bytes: 10 })).toEqual(newest);
      expect(await quota.findLastPlace(userId, '2026-03-02', { n: 0, bytes: 0 })).toEqual({ n: 0, bytes: 0 });
    }
    expect(
      await quota.takePlace({ userId: 'probe-1', day: '2026-03-01', place: { n: 1, bytes: 5 }, fileId: 'x', key: 'x', at }),
    ).toBe('duplicate');
  });
});
