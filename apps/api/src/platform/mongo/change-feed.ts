import type { Db } from 'mongodb';
import { makeSequencedLog } from './sequenced-log.ts';

/** "Record `recordId` is about to be committed at `version`", written at `at` just before that commit. */
export interface ChangeNotice {
  recordId: string;
  version: number;
  at: Date;
}

/**
 * The change notices of one versioned store: a sequenced log `<name>_changes`
 * (see makeVersionedStore's `changes` option, which writes a notice before
 * every commit, so no committed change lacks one; a notice whose commit lost
 * its race or never happened says nothing false, only "look again").
 */
export function makeChangeFeed(db: Db, name: string) {
  const log = makeSequencedLog<ChangeNotice>(db, `${name}_changes`);
  return {
    async announce(recordId: string, version: number): Promise<void> {
      await log.append(name, { recordId, version, at: new Date() });
    },
    tail: () => log.tail(name),
    /** Notices from..to, oldest first (null where none is stored). */
    read: (from: number, to: number) => log.readRange(name, from, to),
  };
}
export type ChangeFeed = ReturnType<typeof makeChangeFeed>;

/** What a mirror needs from the records' store. */
export interface MirrorSource<T> {
  /** Every record as stored now: a scan, made once at start-up. */
  loadAll(): Promise<T[]>;
  /** The newest committed version, or null (rolls the head forward, as every store read does). */
  findById(id: string): Promise<T | null>;
}

/** Where a mirror puts what it learns: every record once, then each newer version. */
export interface MirrorSink<T> {
  reset(records: T[]): void;
  put(record: T): void;
}

export interface MirrorOptions {
  /** How often the feed is polled between reads. */
  pollMs?: number;
  /** How long a notice may wait for its commit to land before it is taken for one that never will. */
  graceMs?: number;
}

/** Records whose notices are checked at once. */
const CHECK_BATCH = 50;

/**
 * A process's own copy of every record of a versioned store, for the reads no
 * `_id` serves (search, filtered lists, counts): loaded once by a scan, then
 * kept current from the store's change feed, polled every `pollMs` and before
 * every read (`fresh`), so a read sees every change committed before it began,
 * in this process or any other.
 *
 * A notice is written just before its commit, so the record may still be at an
 * older version when the notice is read: the notice stays pending, and is
 * checked again on every pass until its version (or a later one) is there, or
 * `graceMs` after it was written (a commit that lost its race or never
 * happened). Records only ever move to a higher version.
 */
export function makeMirror<T extends { id: string; version: number }>(
  feed: ChangeFeed,
  source: MirrorSource<T>,
  sink: MirrorSink<T>,
  { pollMs = 1_000, graceMs = 60_000 }: MirrorOptions = {},
) {
  const versions = new Map<string, number>();
  /** Per record, the highest version a notice announced that it does not hold yet, and when that notice was written. */
  const pending = new Map<string, { version: number; at: number }>();
  let nextSeq = 1;
  let loading: Promise<void> | undefined;
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const held = (id: string) => versions.get(id) ?? -1;

  function expect(notice: ChangeNotice) {
    const wanted = pending.get(notice.recordId);
    if (held(notice.recordId) >= notice.version || (wanted && wanted.version >= notice.version)) return;
    pending.set(notice.recordId, { version: notice.version, at: notice.at.getTime() });
  }

  function accept(record: T) {
    if (held(record.id) >= record.version) return;
    versions.set(record.id, record.version);
    sink.put(record);
  }

  /** Reads every pending record once; keeps what is still ahead of its record and within grace. */
  async function checkPending() {
    const ids = [...pending.keys()];
    for (let i = 0; i < ids.length; i += CHECK_BATCH) {
      await Promise.all(
        ids.slice(i, i + CHECK_BATCH).map(async (id) => {
          const record = await source.findById(id);
          if (record) accept(record);
          const wanted = pending.get(id)!;
          if (held(id) >= wanted.version || Date.now() - wanted.at > graceMs) pending.delete(id);
        }),
      );
    }
  }

  async function load() {
    const started = Date.now();
    const tail = await feed.tail();
    const records = await source.loadAll();
    versions.clear();
    for (const r of records) versions.set(r.id, r.version);
    sink.reset(records);
    // Commits announced up to `tail` may have landed after the scan read their record: check the
    // notices still within grace (older ones belong to commits that landed, or never will).
    for (let to = tail; to > 0; to -= CHECK_BATCH) {
      const notices = (await feed.read(Math.max(1, to - CHECK_BATCH + 1), to)).filter((n) => n !== null);
      notices.forEach(expect);
      if (notices.some((n) => n.at.getTime() < started - graceMs)) break;
    }
    nextSeq = tail + 1;
    await checkPending();
  }

  /** One pass: every notice after the last one read, then every pending one. */
  async function pass() {
    const tail = await feed.tail();
    if (tail >= nextSeq) {
      const notices = await feed.read(nextSeq, tail);
      // No gaps by construction; should one ever show, read from it again next time.
      const gap = notices.indexOf(null);
      for (const n of gap < 0 ? notices : notices.slice(0, gap)) expect(n!);
      nextSeq = gap < 0 ? tail + 1 : nextSeq + gap;
    }
    await checkPending();
  }

  /** Runs a pass that starts after this call: joins the next one when a pass is already under way. */
  function sync(): Promise<void> {
    if (!running) {
      running = pass().finally(() => (running = undefined));
      return running;
    }
    queued ??= running
      .catch(() => {})
      .then(() => {
        queued = undefined;
        return sync();
      });
    return queued;
  }

  /** Loads the records once (again after a failed load). */
  function loaded(): Promise<void> {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  }

  return {
    /** Starts loading and following; reads wait for the load. */
    start() {
      void loaded().catch(() => {});
      timer = setInterval(
        () =>
          void loaded()
            .then(sync)
            .catch(() => {}),
        pollMs,
      );
      timer.unref();
    },
    /** Brings the copy up to every change committed before this call (reads call it first). */
    async fresh(): Promise<void> {
      await loaded();
      await sync();
    },
    close() {
      clearInterval(timer);
    },
  };
}
export type Mirror = ReturnType<typeof makeMirror>;
