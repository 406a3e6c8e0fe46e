import type { FilesDeps, UploadEntry } from './ports.ts';

/** An upload not attached within this long is deleted. */
export const UNATTACHED_UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

/**
 * Deletes uploads never attached within a day: the upload object, then the
 * record. Its work list is the upload quota entries (one per upload URL
 * issued, so only about a day of them ever waits), not every file ever kept.
 *
 * Invariant: a file's attachment key (`_id` = file id) is inserted exactly
 * once, by its attach or by this sweeper's tombstone. The sweeper deletes
 * the upload object and record only after its tombstone is in; an attach
 * succeeds only once its attachment is in, and serves a copy of its own that
 * the sweeper never touches. So an attached file is never swept, and an attach
 * that loses to the tombstone deletes its copy and answers "upload it again".
 * Each step is idempotent: a sweep that fails half-way, or two processes
 * sweeping at once, finish the same work.
 */
export function makeSweepUnattachedUploads(deps: FilesDeps) {
  async function sweep(entry: UploadEntry, now: Date): Promise<boolean> {
    // Taken now, or by another sweep before: either way the file can never be attached.
    const unattached =
      (await deps.files.insertSweptMark(entry.fileId, now)) === 'ok' ||
      (await deps.files.findAttachment(entry.fileId)) === 'swept';
    // Attached or not, the upload key is of no use a day on (attach deletes it; this catches a failed delete).
    await deps.storage.remove(entry.key);
    if (unattached) await deps.files.remove(entry.fileId);
    return unattached;
  }

  /** Returns how many files it deleted. */
  return async function sweepUnattachedUploads(): Promise<number> {
    const now = deps.clock.now();
    const before = new Date(now.getTime() - UNATTACHED_UPLOAD_LIFETIME_MS);
    let swept = 0;
    for (;;) {
      const entries = await deps.quota.findMadeBefore(before, BATCH);
      for (const entry of entries) if (await sweep(entry, now)) swept++;
      await deps.quota.removeEntries(entries);
      if (entries.length < BATCH) return swept;
    }
  };
}
