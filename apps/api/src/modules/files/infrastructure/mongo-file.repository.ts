import type { Db } from 'mongodb';
import type { FileRepository } from '../application/ports.ts';
import type { StoredFile } from '../domain/stored-file.ts';

interface FileDoc extends Omit<StoredFile, 'id'> {
  _id: string;
}

export function makeMongoFileRepository(db: Db): FileRepository & { ensureIndexes(): Promise<void> } {
  const files = db.collection<FileDoc>('files');
  return {
    async ensureIndexes() {
      await files.createIndex({ ownerId: 1, purpose: 1 }, { name: 'owner_purpose' });
    },
    async insert({ id, ...rest }) {
      await files.insertOne({ _id: id, ...rest });
    },
    async findById(id) {
      const doc = await files.findOne({ _id: id });
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return { id: _id, ...rest };
    },
    async markUploaded(id) {
      await files.updateOne({ _id: id }, { $set: { status: 'uploaded' } });
    },
  };
}
