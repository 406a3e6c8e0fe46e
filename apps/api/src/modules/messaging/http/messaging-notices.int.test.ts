import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedInAdmin } from '../../../test-support/accounts.ts';
import { bookedPair, connect, nextEvent } from '../../../test-support/chat.ts';
import type { ApiClient } from '../../../test-support/http-client.ts';
import { waitForMail } from '../../../test-support/mailpit.ts';
import { settleSideEffects } from '../../../test-support/outbox.ts';
import { startSiblingApi, startTestApi, type TestApi } from '../../../test-support/test-api.ts';

/**
 * Nobody misses a message: the first unread message of a burst puts one
 * "new message" in the recipient's notification centre (live over the
 * socket), and if it is still unread 10 minutes later, one e-mail, however
 * many messages followed and however many API processes run the scheduler.
 */

let a: TestApi;
let b: TestApi;
let admin: ApiClient;
beforeAll(async () => {
  a = await startTestApi();
  b = await startSiblingApi(a);
  admin = (await signedInAdmin(a)).c;
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

const say = (c: ApiClient, conversationId: string, text: string) =>
  c.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: randomUUID(), kind: 'text', text });
const messageNotices = async (c: ApiClient) =>
  (
    (await c.get('/api/v1/notifications?limit=100')).body.items as { type: string; title: string; body: string; link: string }[]
  ).filter((n) => n.type === 'message.new');
/** Both processes run the wheel at once, as their timers would, at the clock's time. */
const runSchedulers = async () => {
  await Promise.all([a.container.scheduledEffects.run(), b.container.scheduledEffects.run()]);
  await settleSideEffects(a);
};
const unreadMails = async (email: string) => {
  const res = await fetch(`${process.env['MAILPIT_URL']}/api/v1/search?query=${encodeURIComponent(`to:"${email}"`)}&limit=50`);
  return ((await res.json()) as { messages: { Subject: string }[] }).messages.filter((m) => m.Subject.includes('on DocTime'));
};

it('one notification per burst, live on the socket, naming the sender but not the text', async () => {
  const pair = await bookedPair(a, admin);
  const doctorSocket = await connect(a.baseUrl, pair.doctor.c.accessToken);
  try {
    const live = nextEvent(
      doctorSocket,
      'notification:new',
      (p: { notification: { type: string } }) => p.notification.type === 'message.new',
    );
    // Sent at once: none of them sees the others in the doctor's inbox yet, and still one notice comes.
    const sent = await Promise.all(
      ['My fever is back', 'It is 39.2 now', 'Should I come in?'].map((t) => say(pair.patient.c, pair.conversationId, t)),
    );
    expect(sent.map((r) => r.status)).toEqual([201, 201, 201]);
    expect((await live).notification).toMatchObject({ title: 'New message from Asha Patient' });
    await settleSideEffects(a);
    const notices = await messageNotices(pair.doctor.c);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ link: `/doctor/messages/${pair.conversationId}` });
    // Only the words a user reads: ids and timestamps may contain any digits.
    expect(notices.map((n) => `${n.title} ${n.body}`).join(' ')).not.toMatch(/fever|39\.2/);
    // Once read, the next message starts a new burst.
    const tail = (await pair.doctor.c.get(`/api/v1/conversations/${pair.conversationId}`)).body.conversation.lastMessage.seq;
    await pair.doctor.c.post(`/api/v1/conversations/${pair.conversationId}/read`, { upToSeq: tail });
    await settleSideEffects(a);
    expect((await say(pair.patient.c, pair.conversationId, 'Also a rash')).status).toBe(201);
    await settleSideEffects(a);
    expect(await messageNotices(pair.doctor.c)).toHaveLength(2);
  } finally {
    doctorSocket.disconnect();
  }
});

it('e-mails the recipient once when a burst is still unread 10 minutes on, and not when it was read', async () => {
  const pair = await bookedPair(a, admin);
  const sent = await Promise.all(
    ['Lab report question', 'And one more thing', 'Sorry, a third'].map((t) => say(pair.patient.c, pair.conversationId, t)),
  );
  expect(sent.map((r) => r.status)).toEqual([201, 201, 201]);
  await settleSideEffects(a);
  a.clock.advance(5 * 60_000);
  b.clock.advance(5 * 60_000);
  await runSchedulers();
  expect(await unreadMails(pair.doctor.email)).toHaveLength(0);

  a.clock.advance(6 * 60_000);
  b.clock.advance(6 * 60_000);
  await runSchedulers();
  const mail = await waitForMail(pair.doctor.email, 'on DocTime');
  expect(mail.Subject).toBe('You have 3 messages from Asha Patient on DocTime');
  expect(mail.Text).toContain(`/doctor/messages/${pair.conversationId}`);
  expect(mail.Text).not.toMatch(/Lab report|third/);
  // Again, later, with both processes: nothing more.
  a.clock.advance(60_000);
  b.clock.advance(60_000);
  await runSchedulers();
  await runSchedulers();
  expect(await unreadMails(pair.doctor.email)).toHaveLength(1);

  // The doctor answers; the patient reads within 10 minutes: no e-mail to the patient.
  expect((await say(pair.doctor.c, pair.conversationId, 'Please upload it here')).status).toBe(201);
  await settleSideEffects(a);
  const tail = (await pair.patient.c.get(`/api/v1/conversations/${pair.conversationId}`)).body.conversation.lastMessage.seq;
  expect((await pair.patient.c.post(`/api/v1/conversations/${pair.conversationId}/read`, { upToSeq: tail })).status).toBe(200);
  a.clock.advance(11 * 60_000);
  b.clock.advance(11 * 60_000);
  await runSchedulers();
  expect(await unreadMails(pair.patient.email)).toHaveLength(0);
});
