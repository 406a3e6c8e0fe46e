import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeLogger } from '../../../platform/logger.ts';
import { makeOutbox } from '../../../platform/outbox/outbox.ts';
import { makeFieldCipher } from '../../../platform/security/field-cipher.ts';
import { signedInAdmin } from '../../../test-support/accounts.ts';
import { bookedPair } from '../../../test-support/chat.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { makeMongoMessageLog } from '../infrastructure/mongo-message-log.ts';

/**
 * Searching a long conversation reads 500 messages a request, newest first,
 * and says where to go on (`searchedFrom`, the next request's `before`).
 */

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

it('pages a search back through a long conversation, a window of 500 messages at a time', async () => {
  const admin = await signedInAdmin(api);
  const pair = await bookedPair(api, admin.c);
  // 1,205 messages stored as the log stores them (sending them one by one would take a minute).
  const needles = new Set([1, 1100, 1150, 1205]);
  const log = makeMongoMessageLog(api.db, makeOutbox(api.db, makeLogger('silent')), makeFieldCipher(api.config.dataKeys));
  await log.importMany([
    {
      conversationId: pair.conversationId,
      messages: Array.from({ length: 1205 }, (_, i) => ({
        id: randomUUID(),
        senderId: i % 2 ? pair.doctor.id : pair.patient.id,
        kind: 'text' as const,
        text: needles.has(i + 1) ? `needle ${i + 1}` : `hay ${i + 1}`,
        clientId: randomUUID(),
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    },
  ]);
  const search = async (query: string) => {
    const res = await pair.patient.c.get(`/api/v1/conversations/${pair.conversationId}/messages?q=needle&limit=2${query}`);
    expect(res.status, res.text).toBe(200);
    return {
      seqs: (res.body.items as { seq: number }[]).map((m) => m.seq),
      hasMore: res.body.hasMore,
      from: res.body.searchedFrom,
    };
  };
  // More matches than the limit in the window (706..1205): it goes on from the oldest one shown.
  expect(await search('')).toEqual({ seqs: [1150, 1205], hasMore: true, from: 1150 });
  // The rest of that window and the next (650..1149): one match; older messages are still unread.
  expect(await search('&before=1150')).toEqual({ seqs: [1100], hasMore: true, from: 650 });
  expect(await search('&before=650')).toEqual({ seqs: [], hasMore: true, from: 150 });
  expect(await search('&before=150')).toEqual({ seqs: [1], hasMore: false, from: 1 });
  // The other participant finds the same; nothing matches nothing.
  const none = await pair.doctor.c.get(`/api/v1/conversations/${pair.conversationId}/messages?q=straw`);
  expect(none.body).toMatchObject({ items: [], hasMore: true, searchedFrom: 706 });
});
