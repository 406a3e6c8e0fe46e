import { chatKindOf, chatMediaRules, type MessageKind } from '@doctime/contracts';
import { AppError } from '../../../platform/app-error.ts';
import { KIND_NAMES, type Message, type MessageMedia } from '../domain/message.ts';
import { pairAppointments, postingWindow } from '../domain/posting-window.ts';
import { loadConversation, noSuchConversation } from './load-conversation.ts';
import { messageView } from './message-view.ts';
import type { MessagingDeps } from './ports.ts';

export const MESSAGE_POSTED = 'message.posted';

export interface SendMessageInput {
  clientId: string;
  kind: MessageKind;
  text?: string;
  fileId?: string;
  durationMs?: number;
}

/**
 * Posts a message (REST or socket). A retry with the same client id answers
 * the message stored first (created: false) and does nothing else. Delivery to
 * both participants' sockets, their inboxes, the recipient's notification and
 * the "still unread" e-mail follow from the stored message (its one outbox
 * effect, deliver-message.ts), so the request waits only for the message.
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

  /** A retry of a message stored already is answered with it, and spends nothing of the sender's budget. */
  async function retried(senderId: string, message: Message) {
    await deps.messageBudget.refund(senderId).catch(() => undefined); // best effort: a failed refund leaves a point spent
    return { message: messageView(message), created: false };
  }

  /**
   * Refused, unless it is a retry of a message stored before posting closed or the sender ran
   * over the limit; an erased conversation (not `admitted`) is not found, whatever else holds.
   */
  async function refusedUnlessStored(
    conversationId: string,
    senderId: string,
    id: string,
    admitted: Promise<void>,
    refusal: AppError,
  ) {
    await admitted;
    const stored = await deps.messages.findById(conversationId, id);
    if (!stored) throw refusal;
    return retried(senderId, stored);
  }

  return async function sendMessage(conversationId: string, senderId: string, input: SendMessageInput) {
    const id = deps.messageIdFor(conversationId, senderId, input.clientId);
    // Nothing is read before the append (decision 19): the log's id claim finds a retry. What is
    // read goes at once: the conversation (a stranger gets 404 and has spent only their own
    // budget) and the pair's appointments. Two reads settle beside the outbox entry, before the
    // append claims the id: the seq the sender's inbox says the conversation has reached (where
    // the append looks for the end when this process knows none as late; a hint, so a failed
    // read is none), and whether the conversation was erased (which stores nothing and answers
    // 404). The budget's answer is waited for only once the sender has spent half of it (then a
    // flooder writes nothing): before that, it is only counted, so what other processes spend
    // at the same moment may overrun it by what they have in flight.
    const knownSeq = deps.inboxes
      .peek(senderId)
      .then((inbox) => inbox.conversations[conversationId]?.lastSeq)
      .catch(() => undefined);
    const admitted = deps.conversations.isErased(conversationId).then((erased) => {
      if (erased) throw noSuchConversation();
    });
    void admitted.catch(() => undefined); // awaited by the append, unless the send is refused before it
    const waitForBudget = deps.messageBudget.halfSpent(senderId);
    const spent = deps.messageBudget.spend(senderId);
    if (!waitForBudget) spent.catch(() => undefined); // counted only
    const [, wait, pair] = await Promise.all([
      loadConversation(deps, conversationId, senderId, { evenErased: true }),
      waitForBudget ? spent : null,
      deps.pairs.peek(conversationId),
    ]);
    if (wait !== null)
      return refusedUnlessStored(
        conversationId,
        senderId,
        id,
        admitted,
        new AppError('RATE_LIMITED', `You are sending messages too fast. Try again in ${wait} seconds.`, {
          retryAfterSeconds: wait,
        }),
      );
    let window = postingWindow(pairAppointments(pair), deps.clock.now());
    // What this process knew may be behind (a booking just made): a refusal is checked with a fresh read.
    if (!window.canPost) window = postingWindow(pairAppointments(await deps.pairs.read(conversationId)), deps.clock.now());
    if (!window.canPost)
      return refusedUnlessStored(conversationId, senderId, id, admitted, new AppError('FORBIDDEN', window.reason));

    let media: MessageMedia | undefined;
    if (input.kind !== 'text') {
      await admitted; // no file goes to an erased conversation
      // A retried media message must not attach its file again (the first attach took it).
      const stored = await deps.messages.findById(conversationId, id);
      if (stored) return retried(senderId, stored);
      media = await attachMedia(conversationId, senderId, input);
    }
    const text = input.text?.trim();
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
      [{ type: MESSAGE_POSTED, payload: { conversationId, messageId: id } }],
      { knownSeq, admitted },
    );
    return created ? { message: messageView(message), created } : retried(senderId, message);
  };
}
