import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import type { MediaGrants } from '../application/ports.ts';

/** `chat_media._id = <fileId>`: the one conversation a chat file was sent in (the first send takes it). */
export function makeMongoMediaGrants(db: Db): MediaGrants {
  const docs = db.collection<{ _id: string; conversationId: string }>('chat_media');
  return {
    grant: (fileId, conversationId) => insertOrFail(docs, { _id: fileId, conversationId }),
    find: async (fileId) => (await docs.findOne({ _id: fileId }))?.conversationId ?? null,
  };
}
