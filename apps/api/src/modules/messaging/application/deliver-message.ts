import { socketEvents } from '@doctime/contracts';
import { KIND_NAMES, type Message } from '../domain/message.ts';
import { loadConversation } from './load-conversation.ts';
import { messageView } from './message-view.ts';
import type { MessagingDeps } from './ports.ts';
import { UNREAD_MAIL } from './unread-mail.ts';

/** A message still unread this long after it was sent brings its recipient one e-mail. */
export const UNREAD_MAIL_AFTER_MS = 10 * 60_000;

/**
 * The outbox's delivery of a stored message: to every socket of both
 * participants (on any API process), then into both inboxes (the sender has
 * read up to their own message), then, for the first message of a burst,
 * the recipient's notification and the check that e-mails them if it is
 * still unread 10 minutes on. Safe to repeat: a client drops a message id it
 * has, inbox counters only grow, and the notice and the check are keyed by
 * the burst.
 */
export function makeDeliverMessage(deps: MessagingDeps) {
  /**
   * A burst starts with a message the recipient had read everything before: their read mark
   * is the seq just below it. Its key is that mark, so a repeated delivery finds the same burst,
   * and a later message of the burst (the mark lower still) none.
   */
  async function noticeBurst(message: Message, conversation: { id: string; doctorId: string }, recipientId: string) {
    const burst = `${conversation.id}:${recipientId}:${message.seq - 1}`;
    const sender = (await deps.users.findNames([message.senderId])).get(message.senderId) ?? 'Your care team';
    const role = recipientId === conversation.doctorId ? 'doctor' : 'patient';
    const dueAt = new Date(message.createdAt.getTime() + UNREAD_MAIL_AFTER_MS);
    await Promise.all([
      deps.notify({
        userId: recipientId,
        type: 'message.new',
        title: `New message from ${sender}`,
        // Never the text itself: notifications and e-mails carry no health data.
        body: message.kind === 'text' ? 'Open the conversation to read it.' : `${sender} sent you ${KIND_NAMES[message.kind]}.`,
        link: `/${role}/messages/${conversation.id}`,
        key: `message.new:${burst}`,
      }),
      deps.scheduler.schedule(
        dueAt,
        UNREAD_MAIL,
        { conversationId: conversation.id, messageId: message.id, recipientId, dueAt: dueAt.toISOString(), burst },
        `unread:${burst}`,
      ),
    ]);
  }

  return async function deliverMessage(payload: { conversationId: string; messageId: string }) {
    const message = await deps.messages.findById(payload.conversationId, payload.messageId);
    if (!message) throw new Error(`message ${payload.messageId} is not stored yet`);
    const { conversation, peerId } = await loadConversation(deps, message.conversationId, message.senderId);
    deps.realtime.toUsers([conversation.patientId, conversation.doctorId], socketEvents.messageNew, {
      message: messageView(message),
    });
    const at = message.createdAt.toISOString();
    const [, recipientInbox] = await Promise.all([
      deps.inboxes.change(message.senderId, {
        conversationId: conversation.id,
        peerId,
        lastSeq: message.seq,
        at,
        readUpTo: message.seq,
      }),
      deps.inboxes.change(peerId, { conversationId: conversation.id, peerId: message.senderId, lastSeq: message.seq, at }),
    ]);
    if (recipientInbox.conversations[conversation.id]?.readUpTo === message.seq - 1)
      await noticeBurst(message, conversation, peerId);
  };
}
