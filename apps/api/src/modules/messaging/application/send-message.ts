import { chatKindOf, chatMediaRules, type MessageKind } from '@doctime/contracts';
import { AppError } from '../../../platform/app-error.ts';
import { notificationEffect, type SideEffect } from '../../../platform/side-effect.ts';
import type { InboxEntry } from '../domain/inbox.ts';
import type { Conversation, MessageMedia } from '../domain/message.ts';
import { pairAppointments, postingWindow } from '../domain/posting-window.ts';
import { loadConversation } from './load-conversation.ts';
import { messageView } from './message-view.ts';
import type { MessagingDeps } from './ports.ts';

export const MESSAGE_POSTED = 'message.posted';
export const UNREAD_CHECK = 'message.unread-check';
/** A message still unread this long after it was sent brings its recipient one e-mail. */
export const UNREAD_MAIL_AFTER_MS = 10 * 60_000;

export interface SendMessageInput {
  clientId: string;
  kind: MessageKind;
  text?: string;
  fileId?: string;
  durationMs?: number;
}

const KIND_NAMES: Record<Exclude<MessageKind, 'text'>, string> = {
  image: 'a photo',
  audio: 'a voice note',
  video: 'a video clip',
  file: 'a PDF',
};

/**
 * Posts a message (REST or socket). A retry with the same client id answers
 * the message stored first (created: false) and does nothing else. Delivery to
 * both participants' sockets, their inboxes, the recipient's notification and
 * the "still unread" e-mail are effects of the stored message (the outbox).
 */
export function makeSendMessage(deps: MessagingDeps) {
  async function attachMedia(conversationId: string, senderId: string, input: SendMessageInput): Promise<MessageMedia> {
    const invalid = (message: string) => AppError.validation({ fileId: [message] });
    const media = await deps.files.attachFile({
      fileId: input.fileId!,
      ownerId: senderId,
      purpose: 'chat-media',
      field: 'fileId',
    });
    const kind = chatKindOf(media.contentType);
    if (kind !== input.kind)
      throw invalid(`This file cannot be sent as ${KIND_NAMES[input.kind as Exclude<MessageKind, 'text'>]}`);
    if (media.size > chatMediaRules[kind].maxBytes) throw invalid('The file is too large for a chat message');
    if (
      (await deps.grants.grant(media.fileId, conversationId)) === 'duplicate' &&
      (await deps.grants.find(media.fileId)) !== conversationId
    )
      throw invalid('This file was sent in another conversation; upload it again');
    return { ...media, ...(input.durationMs !== undefined ? { durationMs: input.durationMs } : {}) };
  }

  /** The recipient's notification and e-mail come once per burst: for a message sent when they had read everything. */
  async function burstEffects(
    conversation: Conversation,
    entry: InboxEntry | undefined,
    messageId: string,
    senderId: string,
    kind: MessageKind,
  ) {
    const conversationId = conversation.id;
    const recipientId = senderId === conversation.patientId ? conversation.doctorId : conversation.patientId;
    if (entry && entry.readUpTo < entry.lastSeq) return [];
    // Messages sent before the inbox shows the first as unread make the same burst: one key for it.
    const burst = `${conversationId}:${recipientId}:${entry?.readUpTo ?? 0}`;
    const sender = (await deps.users.findNames([senderId])).get(senderId) ?? 'Your care team';
    const role = recipientId === conversation.doctorId ? 'doctor' : 'patient';
    const dueAt = new Date(deps.clock.now().getTime() + UNREAD_MAIL_AFTER_MS).toISOString();
    return [
      notificationEffect({
        userId: recipientId,
        type: 'message.new',
        title: `New message from ${sender}`,
        // Never the text itself: notifications and e-mails carry no health data.
        body: kind === 'text' ? 'Open the conversation to read it.' : `${sender} sent you ${KIND_NAMES[kind]}.`,
        link: `/${role}/messages/${conversationId}`,
        key: `message.new:${burst}`,
      }),
      { type: UNREAD_CHECK, payload: { conversationId, messageId, recipientId, dueAt, burst } },
    ];
  }

  return async function sendMessage(conversationId: string, senderId: string, input: SendMessageInput) {
    const { conversation, peerId } = await loadConversation(deps, conversationId, senderId);
    const id = deps.messageIdFor(conversationId, senderId, input.clientId);
    const [stored, pair, recipientInbox] = await Promise.all([
      deps.messages.findById(conversationId, id),
      deps.pairs.peek(conversation.id),
      deps.inboxes.peek(peerId),
    ]);
    if (stored) return { message: messageView(stored), created: false };

    const wait = await deps.rateLimit(senderId);
    if (wait !== null)
      throw new AppError('RATE_LIMITED', `You are sending messages too fast. Try again in ${wait} seconds.`, {
        retryAfterSeconds: wait,
      });
    const window = postingWindow(pairAppointments(pair), deps.clock.now());
    if (!window.canPost) throw new AppError('FORBIDDEN', window.reason);

    const media = input.kind === 'text' ? undefined : await attachMedia(conversationId, senderId, input);
    const text = input.text?.trim();
    const effects: SideEffect[] = [
      { type: MESSAGE_POSTED, payload: { conversationId, messageId: id } },
      ...(await burstEffects(conversation, recipientInbox.conversations[conversation.id], id, senderId, input.kind)),
    ];
    const { message, created } = await deps.messages.append(
      {
        id,
        conversationId,
        senderId,
        kind: input.kind,
        ...(text ? { text } : {}),
        ...(media ? { media } : {}),
        clientId: input.clientId,
        createdAt: deps.clock.now(),
      },
      effects,
    );
    return { message: messageView(message), created };
  };
}
