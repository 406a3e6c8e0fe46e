import type { FileAttachment, StoredFile } from '../domain/stored-file.ts';
import type { UploadLimits } from '../domain/upload-quota.ts';
import type { FilesDeps, UploadEntry } from './ports.ts';

interface FakeObject {
  bytes: string;
  contentType: string;
  etag: string;
}

/** A tick between steps, so concurrent calls interleave as they do over the network. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Small in-memory implementations of the files ports, for use-case unit tests. */
export function makeFakeFilesDeps(
  start = new Date('2026-03-01T10:00:00Z'),
  uploadLimits: UploadLimits = { count: 1000, bytes: 10 * 1024 ** 3 },
) {
  const files = new Map<string, StoredFile>();
  const attachments = new Map<string, FileAttachment>();
  const sweptMarks = new Set<string>();
  const objects = new Map<string, FakeObject>();
  const quota = new Map<string, UploadEntry>();
  let seq = 0;
  let etags = 0;
  let now = start;
  const hooks: {
    beforeCopy?: (fromKey: string) => void | Promise<void>;
    afterCopy?: (toKey: string) => void | Promise<void>;
  } = {};
  const taken = (fileId: string) => attachments.has(fileId) || sweptMarks.has(fileId);
  const quotaId = (userId: string, day: string, n: number) => `${userId}:${day}:${n}`;

  const put = (key: string, bytes: string, contentType: string) => {
    objects.set(key, { bytes, contentType, etag: `"etag-${++etags}"` });
  };

  const deps: FilesDeps = {
    sharedMedia: { canView: async () => false },
    files: {
      async insert(file) {
        files.set(file.id, { ...file });
      },
      async findById(id) {
        await tick();
        const file = files.get(id);
        return file && !sweptMarks.has(id) ? { ...file, attachment: attachments.get(id) ?? null } : null;
      },
      async insertAttachment(attachment) {
        await tick();
        if (taken(attachment.fileId)) return 'duplicate';
        attachments.set(attachment.fileId, { ...attachment });
        return 'ok';
      },
      async findAttachment(fileId) {
        await tick();
        return attachments.get(fileId) ?? (sweptMarks.has(fileId) ? 'swept' : null);
      },
      async insertSweptMark(fileId) {
        await tick();
        if (taken(fileId)) return 'duplicate';
        sweptMarks.add(fileId);
        return 'ok';
      },
      async remove(id) {
        await tick();
        files.delete(id);
      },
    },
    quota: {
      async findLastPlace(userId, day, known) {
        await tick();
        let last = known;
        for (let next; (next = quota.get(quotaId(userId, day, last.n + 1)));) last = next.place;
        return last;
      },
      async takePlace(entry) {
        await tick();
        const id = quotaId(entry.userId, entry.day, entry.place.n);
        if (quota.has(id)) return 'duplicate';
        quota.set(id, entry);
        return 'ok';
      },
      async findMadeBefore(before, limit) {
        await tick();
        return [...quota.values()].filter((e) => e.at < before).slice(0, limit);
      },
      async removeEntries(entries) {
        await tick();
        for (const e of entries) quota.delete(quotaId(e.userId, e.day, e.place.n));
      },
    },
    uploadLimits,
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
        await hooks.beforeCopy?.(fromKey);
        const o = objects.get(fromKey);
        if (!o) throw Object.assign(new Error('NoSuchKey'), { name: 'NoSuchKey' });
        objects.set(toKey, { ...o });
        await hooks.afterCopy?.(toKey);
        return { etag: o.etag };
      },
      async remove(key) {
        await tick();
        objects.delete(key);
      },
    },
    clock: { now: () => now },
    newId: () => `id-${++seq}`,
  };
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  return { deps, files, attachments, sweptMarks, objects, quota, put, hooks, advance };
}
