import type { FileAttachment, StoredFile } from '../domain/stored-file.ts';
import type { FilesDeps } from './ports.ts';

interface FakeObject {
  bytes: string;
  contentType: string;
  etag: string;
}

/** A tick between steps, so concurrent calls interleave as they do over the network. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Small in-memory implementations of the files ports, for use-case unit tests. */
export function makeFakeFilesDeps(start = new Date('2026-03-01T10:00:00Z')) {
  const files = new Map<string, StoredFile>();
  const attachments = new Map<string, FileAttachment>();
  const objects = new Map<string, FakeObject>();
  let seq = 0;
  let etags = 0;
  const hooks: { beforeCopy?: (fromKey: string) => void; afterCopy?: (toKey: string) => void } = {};

  const put = (key: string, bytes: string, contentType: string) => {
    objects.set(key, { bytes, contentType, etag: `"etag-${++etags}"` });
  };

  const deps: FilesDeps = {
    files: {
      async insert(file) {
        files.set(file.id, { ...file });
      },
      async findById(id) {
        await tick();
        const file = files.get(id);
        return file ? { ...file, attachment: attachments.get(id) ?? null } : null;
      },
      async insertAttachment(attachment) {
        await tick();
        if (attachments.has(attachment.fileId)) return 'duplicate';
        attachments.set(attachment.fileId, { ...attachment });
        return 'ok';
      },
      async findAttachment(fileId) {
        await tick();
        return attachments.get(fileId) ?? null;
      },
    },
    storage: {
      presignPut: async (key) => ({ url: `put://${key}`, headers: {} }),
      presignGet: async (key) => `get://${key}`,
      async head(key) {
        await tick();
        const o = objects.get(key);
        return o ? { size: o.bytes.length, contentType: o.contentType, etag: o.etag } : null;
      },
      async copy(fromKey, toKey) {
        await tick();
        hooks.beforeCopy?.(fromKey);
        const o = objects.get(fromKey);
        if (!o) throw Object.assign(new Error('NoSuchKey'), { name: 'NoSuchKey' });
        objects.set(toKey, { ...o });
        hooks.afterCopy?.(toKey);
        return { etag: o.etag };
      },
      async remove(key) {
        await tick();
        objects.delete(key);
      },
    },
    clock: { now: () => start },
    newId: () => `id-${++seq}`,
  };

  return { deps, files, attachments, objects, put, hooks };
}
