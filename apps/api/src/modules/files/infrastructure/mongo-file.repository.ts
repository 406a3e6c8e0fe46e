import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import type { FileRepository } from '../application/ports.ts';
import type { FileAttachment, StoredFile } from '../domain/stored-file.ts';

interface FileDoc {
  _id: string;
  ownerId: StoredFile['ownerId'];
  purpose: StoredFile['purpose'];
  key: string;
  contentType: string;
  size: number;
  fileName?: string;
  createdAt: Date;
}

/**
 * At most one per file, `_id` = file id, inserted once (insert-or-fail) and
 * never updated: the file's attachment, or the sweeper's tombstone.
 */
export interface AttachmentDoc {
  _id: string;
  key: string;
  etag: string;
  size: number;
  contentType: string;
  attachedAt: Date;
}
export interface SweptDoc {
  _id: string;
  sweptAt: Date;
}

const toFile = (d: FileDoc): StoredFile => ({
  id: d._id,
  ownerId: d.ownerId,
  purpose: d.purpose,
  key: d.key,
  contentType: d.contentType,
  size: d.size,
  ...(d.fileName !== undefined ? { fileName: d.fileName } : {}),
  createdAt: d.createdAt,
});

const toAttachment = (d: AttachmentDoc | SweptDoc): FileAttachment | 'swept' =>
  'sweptAt' in d
    ? 'swept'
    : {
        fileId: d._id,
        key: d.key,
        etag: d.etag,
        size: d.size,
        contentType: d.contentType,
        attachedAt: d.attachedAt,
      };

export function makeMongoFileRepository(db: Db): FileRepository & { ensureIndexes(): Promise<void> } {
  const files = db.collection<FileDoc>('files');
  const attachments = db.collection<AttachmentDoc | SweptDoc>('file_attachments');
  const findAttachment = async (fileId: string) => {
    const doc = await attachments.findOne({ _id: fileId });
    return doc ? toAttachment(doc) : null;
  };
  return {
    async ensureIndexes() {
      await files.createIndex({ ownerId: 1, purpose: 1 }, { name: 'owner_purpose' });
    },
    async insert({ id, ...rest }) {
      await files.insertOne({ _id: id, ...rest });
    },
    async findById(id) {
      const [doc, attachment] = await Promise.all([files.findOne({ _id: id }), findAttachment(id)]);
      return doc && attachment !== 'swept' ? { ...toFile(doc), attachment } : null;
    },
    insertAttachment: ({ fileId, ...rest }) => insertOrFail(attachments, { _id: fileId, ...rest }),
    findAttachment,
    insertSweptMark: (fileId, sweptAt) => insertOrFail(attachments, { _id: fileId, sweptAt }),
    async remove(id) {
      await files.deleteOne({ _id: id });
    },
  };
}
