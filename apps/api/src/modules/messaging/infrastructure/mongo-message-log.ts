import { randomUUID } from 'node:crypto';
import type { Binary, Db } from 'mongodb';
import { claimId, makeSequencedLog } from '../../../platform/mongo/sequenced-log.ts';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { FieldCipher } from '../../../platform/security/field-cipher.ts';
import { protectFields, type ProtectedStore } from '../../../platform/security/protected-fields.ts';
import { sealedLogStore } from '../../../platform/security/sealed-log.ts';
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
  /** Its text and file were erased (the patient deleted their account). */
  erased?: true;
}
type SealedEntry = MessageEntry & { uid: string };
const PROTECTED_FIELDS = ['text', 'media.fileName'];

/** One conversation's messages for `importMany`, oldest first (their seqs are 1, 2, ...). */
export interface ImportedMessages {
  conversationId: string;
  messages: Omit<Message, 'conversationId' | 'seq'>[];
}

const NAME = 'messages';
/** Full blocks of this many messages are copied into one document: a page of history is one or two reads. */
const BLOCK = 50;

/**
 * Each conversation's messages as a sequenced log keyed by the conversation
 * id (`messages._id = <conversation>:<seq>`), every read by `_id`. A message
 * is appended once per id (`appendOnce`, the id being derived from the
 * client id); its effects are enqueued beside the id's claim and delivered
 * for the claiming call only.
 */
export function makeMongoMessageLog(
  db: Db,
  outbox: Outbox,
  cipher: FieldCipher,
): MessageLog & { protectedStore: ProtectedStore; importMany(conversations: ImportedMessages[]): Promise<void> } {
  const log = makeSequencedLog<MessageEntry>(db, NAME, { blockSize: BLOCK, cache: 50_000 });
  const protection = protectFields(cipher, NAME, PROTECTED_FIELDS);

  const toEntry = ({ id, conversationId: _c, seq: _s, ...m }: Omit<Message, 'seq'> & { seq?: number }): SealedEntry =>
    protection.seal({ uid: id, ...m }, id) as SealedEntry;
  const toMessage = (conversationId: string, seq: number, entry: MessageEntry): Message => {
    const { uid, ...m } = protection.open(entry, entry.uid) as unknown as Omit<Message, 'id' | 'conversationId' | 'seq'> & {
      uid: string;
    };
    return { id: uid, conversationId, seq, ...m };
  };

  /**
   * Stores conversations' messages at once (an import into a database no API process serves),
   * each conversation's in order from seq 1, sealed as `append` seals them, with their block
   * copies and dedupe keys: what sending them one by one leaves, without the effects.
   */
  async function importMany(conversations: ImportedMessages[]) {
    await log.importMany(
      conversations.map(({ conversationId, messages }) => ({
        key: conversationId,
        entries: messages.map((m) => toEntry({ ...m, conversationId })),
      })),
    );
  }

  async function findById(conversationId: string, messageId: string) {
    const seq = await log.findByUid(conversationId, messageId);
    const entry = seq ? await log.read(conversationId, seq) : null;
    return entry && seq ? toMessage(conversationId, seq, entry) : null;
  }

  return {
    async append(message, effects, { knownSeq, admitted } = {}) {
      const changeId = randomUUID();
      // The outbox entry first (while the append waits for the sender's admission), then the
      // message's id claim (its commit) with the message in one write. Delivery waits for the
      // message itself (deliver-message.ts).
      const enqueued = outbox.enqueue(effects, { collection: NAME, id: claimId(message.conversationId, message.id), changeId });
      const ready = Promise.all([enqueued, admitted]);
      const refused = admitted?.then(
        () => false,
        () => true,
      );
      let appended: { seq: number; created: boolean };
      try {
        appended = await log.appendOnce(message.conversationId, message.id, toEntry(message), changeId, ready, knownSeq);
        await ready; // a stored message found at once (a retry) is answered only if admitted too
      } catch (error) {
        // Refused: nothing was stored, so the entry has nothing to deliver. (If the claim or the
        // insert failed, a retry of the send stores the message and an entry delivers it.)
        if (await refused) outbox.discard(await enqueued.catch(() => null));
        throw error;
      }
      const { seq, created } = appended;
      const entry = await enqueued;
      if (!created) {
        outbox.discard(entry);
        return { message: (await findById(message.conversationId, message.id)) ?? { ...message, seq }, created };
      }
      outbox.kick(entry);
      return { message: { ...message, seq }, created };
    },
    tail: (conversationId) => log.tail(conversationId),
    learnStored: (conversationId, seq) => log.learnFilled(conversationId, seq),
    async range(conversationId, from, to) {
      const entries = await log.readRange(conversationId, from, to);
      return entries.flatMap((e, i) => (e ? [toMessage(conversationId, Math.max(1, from) + i, e)] : []));
    },
    findById,
    async erase(conversationId) {
      await log.rewriteAll(conversationId, ({ uid, senderId, kind, clientId, createdAt }) => ({
        uid,
        senderId,
        kind,
        clientId,
        createdAt,
        erased: true,
      }));
    },
    protectedStore: sealedLogStore(db, NAME, protection),
    importMany,
  };
}
