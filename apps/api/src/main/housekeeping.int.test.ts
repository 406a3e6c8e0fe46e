import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedIn } from '../test-support/accounts.ts';
import { startTestApi, type TestApi } from '../test-support/test-api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

it('housekeeping removes expired sessions, old code attempts, old idempotency keys and outbox leases, and nothing live', async () => {
  const live = await signedIn(api, 'patient');
  const old = new Date(Date.now() - 3 * 86_400_000);
  await api.db
    .collection('refresh_tokens')
    .insertOne({ _id: 'expired-token' as never, familyId: 'f-old', userId: 'u', secretHash: 'h', expiresAt: old });
  await api.db
    .collection('session_families')
    .insertOne({ _id: 'f-old' as never, userId: 'u', createdAt: old, expiresAt: old, revokedAt: null });
  await api.db.collection('one_time_code_attempts').insertOne({ _id: 'nonce:1' as never, at: old });
  await api.db.collection('idempotency_keys').insertOne({ _id: 'p:old-key' as never, fingerprint: 'f', createdAt: old });
  await api.db.collection('idempotency_outcomes').insertOne({ _id: 'p:old-key' as never, outcome: {}, createdAt: old });
  await api.db.collection('outbox_leases').insertMany([
    { _id: 'old-entry:1' as never, at: old },
    { _id: 'new-entry:1' as never, at: new Date() },
  ]);

  expect(await api.container.identity.useCases.purgeExpired()).toBeGreaterThanOrEqual(3);
  expect(await api.container.appointments.useCases.purgeIdempotencyKeys()).toBe(2);
  expect(await api.container.outbox.purgeBefore(new Date(Date.now() - 86_400_000))).toBe(1);
  expect(await api.db.collection('outbox_leases').countDocuments({ _id: 'new-entry:1' as never })).toBe(1);

  for (const [name, id] of [
    ['refresh_tokens', 'expired-token'],
    ['session_families', 'f-old'],
    ['one_time_code_attempts', 'nonce:1'],
    ['idempotency_keys', 'p:old-key'],
    ['idempotency_outcomes', 'p:old-key'],
    ['outbox_leases', 'old-entry:1'],
  ] as const) {
    expect(await api.db.collection(name).countDocuments({ _id: id as never })).toBe(0);
  }
  // The live session still refreshes.
  expect((await live.c.post('/api/v1/auth/refresh')).status).toBe(200);
});
