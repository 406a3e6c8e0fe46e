import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import { BoundedMap } from '../../../platform/bounded-map.ts';
import type { ConversationRepository } from '../application/ports.ts';
import type { Conversation } from '../domain/message.ts';

interface ConversationDoc {
  _id: string;
  patientId: string;
  doctorId: string;
  createdAt: Date;
}

/** Conversations never change once created, so each process keeps those it has read. */
const CACHED = 50_000;
const ERASURE_CHECK_MS = 30_000;

const conversationOf = (doc: ConversationDoc): Conversation => ({
  id: doc._id,
  patientId: doc.patientId,
  doctorId: doc.doctorId,
  createdAt: doc.createdAt,
});

export function makeMongoConversationRepository(db: Db): ConversationRepository {
  const docs = db.collection<ConversationDoc>('conversations');
  const erasures = db.collection<{ _id: string; at: Date }>('conversation_erasures');
  const cache = new BoundedMap<string, Conversation>(CACHED);
  /**
   * Whether a conversation was erased can change, in any process: a "not erased" answer is
   * kept ERASURE_CHECK_MS, so an erasure closes it everywhere within that (one read per
   * conversation and interval instead of one per message).
   */
  const checkedAt = new BoundedMap<string, number>(CACHED);
  async function isErased(id: string) {
    const at = checkedAt.get(id);
    if (at !== undefined && Date.now() - at < ERASURE_CHECK_MS) return false;
    if (await erasures.findOne({ _id: id })) return true;
    checkedAt.set(id, Date.now());
    return false;
  }
  const remember = (c: Conversation) => {
    cache.set(c.id, c);
    return c;
  };
  return {
    async create(c) {
      return insertOrFail(docs, { _id: c.id, patientId: c.patientId, doctorId: c.doctorId, createdAt: c.createdAt });
    },
    async findById(id, options = {}) {
      const [cached, erased] = await Promise.all([
        cache.get(id) ?? docs.findOne({ _id: id }).then((doc) => doc && remember(conversationOf(doc))),
        options.evenErased ? false : isErased(id),
      ]);
      return erased ? null : cached;
    },
    isErased,
    async markErased(id) {
      await insertOrFail(erasures, { _id: id, at: new Date() });
      checkedAt.delete(id);
    },
  };
}
