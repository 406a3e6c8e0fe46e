import { randomUUID } from 'node:crypto';
import type { Binary, Db } from 'mongodb';
import { makeSequencedLog } from '../../../platform/mongo/sequenced-log.ts';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { FieldCipher } from '../../../platform/security/field-cipher.ts';
import type { MessageLog } from '../application/ports.ts';
import type { Message, MessageMedia } from '../domain/message.ts';

/** A stored message: its text and its file's name are sealed (health data, decision 0017). */
interface MessageEntry {
  uid: string;
  senderId: string;
  kind: Message['kind'];
  text?: Binary;
  media?: Omit<MessageMedia, 'fileName'> & { fileName?: Binary };
  clientId: string;
  createdAt: Date;
}

const NAME = 'messages';
/** Full blocks of this many messages are copied into one document: a page of history is one or two reads. */
const BLOCK = 50;

/**
 * Each conversation's messages as a sequenced log keyed by the conversation
 * id (`messages._id = <conversation>:<seq>`), every read by `_id`. A message
 * is appended once per id (`appendOnce`, the id being derived from the
 * client id); its effects are enqueued before and delivered only if this call
 * stored it.
 */
export function makeMongoMessageLog(db: Db, outbox: Outbox, cipher: FieldCipher): MessageLog {
  const log = makeSequencedLog<MessageEntry>(db, NAME, { blockSize: BLOCK, cache: 50_000 });
  const place = (id: string, field: string) => ({ collection: NAME, field, id });

  const toEntry = ({ media, ...m }: Omit<Message, 'seq'>): MessageEntry & { uid: string } => {
    const { fileName, ...file } = media ?? {};
    return {
      uid: m.id,
      senderId: m.senderId,
      kind: m.kind,
      ...(m.text !== undefined ? { text: cipher.seal(m.text, place(m.id, 'text')) } : {}),
      ...(media
        ? {
            media: {
              ...(file as Omit<MessageMedia, 'fileName'>),
              ...(fileName ? { fileName: cipher.seal(fileName, place(m.id, 'media.fileName')) } : {}),
            },
          }
        : {}),
      clientId: m.clientId,
      createdAt: m.createdAt,
    };
  };
  const toMessage = (conversationId: string, seq: number, e: MessageEntry): Message => ({
    id: e.uid,
    conversationId,
    seq,
    senderId: e.senderId,
    kind: e.kind,
    ...(e.text ? { text: cipher.open<string>(e.text, place(e.uid, 'text')) } : {}),
    ...(e.media
      ? {
          media: {
            ...e.media,
            ...(e.media.fileName ? { fileName: cipher.open<string>(e.media.fileName, place(e.uid, 'media.fileName')) } : {}),
          } as MessageMedia,
        }
      : {}),
    clientId: e.clientId,
    createdAt: e.createdAt,
  });

  async function findById(conversationId: string, messageId: string) {
    const seq = await log.findByUid(conversationId, messageId);
    const entry = seq ? await log.read(conversationId, seq) : null;
    return entry && seq ? toMessage(conversationId, seq, entry) : null;
  }

  return {
    async append(message, effects) {
      const changeId = randomUUID();
      const entry = await outbox.enqueue(effects, {
        collection: `${NAME}_uids`,
        id: `${message.conversationId}:${message.id}`,
        changeId,
      });
      // If this throws, whether it landed is unknown: the outbox finds out (and drops the entry if not).
      const { seq, created } = await log.appendOnce(message.conversationId, message.id, toEntry(message), changeId);
      if (!created) {
        outbox.discard(entry);
        return { message: (await findById(message.conversationId, message.id)) ?? { ...message, seq }, created };
      }
      outbox.kick(entry);
      return { message: { ...message, seq }, created };
    },
    tail: (conversationId) => log.tail(conversationId),
    async range(conversationId, from, to) {
      const entries = await log.readRange(conversationId, from, to);
      return entries.flatMap((e, i) => (e ? [toMessage(conversationId, Math.max(1, from) + i, e)] : []));
    },
    findById,
  };
}
