import type { Db, Document } from 'mongodb';
import { BoundedMap } from '../bounded-map.ts';
import { insertInOrderOrFail, insertManyIfAbsent, insertOrFail } from './mongo.ts';

/** A place in a sequence that is filled in order, without gaps; n = 0 stands for "none yet". */
export interface Place {
  n: number;
}

/**
 * The last filled place, starting from `known` (filled, or n = 0), when place
 * n is only ever filled after place n-1: gallop forward (n+1, n+2, n+4, ...)
 * to the first free place, then bisect the gap. About 2·log2(distance) probes,
 * each an `_id` point read.
 */
export async function probeLast<P extends Place>(known: P, place: (n: number) => Promise<P | null>): Promise<P> {
  let last = known;
  let free = 0;
  for (let step = 1; !free; step *= 2) {
    const found = await place(last.n + step);
    if (found) last = found;
    else free = last.n + step;
  }
  while (free - last.n > 1) {
    const mid = Math.floor((last.n + free) / 2);
    const found = await place(mid);
    if (found) last = found;
    else free = mid;
  }
  return last;
}

interface EntryDoc<E> {
  _id: string;
  key: string;
  seq: number;
  entry: E;
}
interface BlockDoc<E> {
  _id: string;
  entries: E[];
}
/** `<key>:<uid>`: where an entry with that uid may be (after `from`), and where it landed once known. */
interface UidDoc {
  _id: string;
  /** A tail observed before the claim: the entry lies after it. */
  from: number;
  /** Where the entry is, when known at the claim (imports). */
  seq?: number;
  /** The claiming call's own id, so an outbox entry can name the claim as its commit. */
  changeId?: string;
}

/** Parallel point reads are batched: FerretDB serves them one at a time anyway. */
const READ_BATCH = 100;
/** Documents per `insertMany` of an import. */
const IMPORT_BATCH = 5_000;
const seqs = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** `<key>:<seq>` is an entry, `<key>:<uid>` the claim of a uid beside it (a uid is never a number). */
const idOf = (key: string, part: number | string) => `${key}:${part}`;
/** The `_id` of the claim of `uid` in a key's log (in the log's collection, beside the entries). */
export const claimId = (key: string, uid: string) => idOf(key, uid);

/**
 * Moves the uid claims that earlier versions kept in `<name>_uids` (same ids) beside the
 * entries; at start-up, before any append. Repeating it, or two processes at once, is harmless.
 */
export async function moveLegacyClaims(db: Db, name: string) {
  const [legacy, claims] = [db.collection<UidDoc>(`${name}_uids`), db.collection<UidDoc>(name)];
  let batch: UidDoc[] = [];
  for await (const claim of legacy.find()) {
    batch.push(claim);
    if (batch.length < 1_000) continue;
    await insertManyIfAbsent(claims, batch);
    batch = [];
  }
  if (!batch.length) return;
  await insertManyIfAbsent(claims, batch);
  await legacy.drop().catch(() => undefined); // another process dropped it first
}

/**
 * Append-only logs, one per key, in one collection: entry n of a key is
 * `_id = <key>:<n>` (n = 1, 2, ...), and every read is by `_id`.
 *
 * Invariant: entry n is inserted only by an appender that saw entry n-1 (or
 * n = 1), insert-or-fail, so a key's entries are 1..tail with no gap and no
 * seq taken twice; a duplicate means another appender took that seq, and the
 * loser moves on to the new tail. Entries never change, so what a process has
 * read it may keep (`cache` entries), and a seq it has seen is a safe place to
 * probe the tail from.
 *
 * With `blockSize` B, each full run of B entries (seqs kB+1..(k+1)B) is also
 * copied, once all are stored, into one document of `<name>_blocks`, so a
 * range costs a read per block plus one per entry of the unfilled last block.
 * The appender of seq (k+1)B writes the copy; a reader that finds it missing
 * writes it (insert-or-fail; every copy of a block is the same). Entries
 * appended once per uid (`appendOnce`) have their uid's claim beside them.
 */
export function makeSequencedLog<E extends Document>(db: Db, name: string, options: { cache?: number; blockSize?: number } = {}) {
  const docs = db.collection<EntryDoc<E>>(name);
  const blocks = db.collection<BlockDoc<E>>(`${name}_blocks`);
  const size = options.blockSize ?? 0;
  const hints = new BoundedMap<string, number>(10_000);
  const cache = new BoundedMap<string, E>(options.cache ?? 0);
  /** Uid claims live beside the entries, so a claim and its entry go in one write. */
  const claims = db.collection<UidDoc>(name);
  const landed = new BoundedMap<string, number>(10_000);
  const queues = new Map<string, Promise<unknown>>();
  const seen = (key: string, seq: number) => {
    if ((hints.get(key) ?? 0) < seq) hints.set(key, seq);
  };

  async function read(key: string, seq: number): Promise<E | null> {
    const id = idOf(key, seq);
    const cached = cache.get(id);
    if (cached) return cached;
    const doc = await docs.findOne({ _id: id });
    if (!doc) return null;
    cache.set(id, doc.entry);
    seen(key, seq);
    return doc.entry;
  }

  async function readEach(key: string, from: number, to: number): Promise<(E | null)[]> {
    const out: (E | null)[] = [];
    for (let start = from; start <= to; start += READ_BATCH) {
      out.push(...(await Promise.all(seqs(start, Math.min(to, start + READ_BATCH - 1)).map((seq) => read(key, seq)))));
    }
    return out;
  }

  /** Block k's entries, from its copy, else one by one (then copied); null while it is not full. */
  async function readBlock(key: string, k: number): Promise<E[] | null> {
    const first = k * size + 1;
    const copy = await blocks.findOne({ _id: idOf(key, k) });
    if (copy) {
      copy.entries.forEach((entry, i) => cache.set(idOf(key, first + i), entry));
      seen(key, first + size - 1);
      return copy.entries;
    }
    const entries = await readEach(key, first, first + size - 1);
    if (entries.includes(null)) return null;
    await insertOrFail(blocks, { _id: idOf(key, k), entries: entries as E[] } as never);
    return entries as E[];
  }

  /** The key's last seq; `stored` is a seq the caller knows was filled (a shortcut when this process knows none as late). */
  async function tail(key: string, stored = 0): Promise<number> {
    let known = hints.get(key) ?? 0;
    if (stored > known) {
      // Usually the tail itself: it and the seq after it are read at once.
      const [at, after] = await Promise.all([read(key, stored), read(key, stored + 1)]);
      if (at && !after) return stored;
      if (at) known = stored + 1;
    }
    const last = await probeLast({ n: known }, async (n) => ((await read(key, n)) ? { n } : null));
    return last.n;
  }

  /** Runs this process's appends to one key one at a time, so they never compete for a seq among themselves. */
  function oneAtATime<R>(key: string, task: () => Promise<R>): Promise<R> {
    const run = (queues.get(key) ?? Promise.resolve()).then(task);
    const settled = run.catch(() => {});
    queues.set(key, settled);
    void settled.then(() => queues.get(key) === settled && queues.delete(key));
    return run;
  }

  /** The seq in from+1..to whose entry has this uid, if any (entries are immutable: a miss stays a miss). */
  async function findUid(key: string, uid: string, from: number, to: number): Promise<number | null> {
    for (let start = from + 1; start <= to; start += READ_BATCH) {
      const end = Math.min(to, start + READ_BATCH - 1);
      const found = (await readEach(key, start, end)).findIndex((e) => (e as { uid?: string } | null)?.uid === uid);
      if (found >= 0) return start + found;
    }
    return null;
  }

  const entryDoc = (key: string, seq: number, entry: E) => ({ _id: idOf(key, seq), key, seq, entry });

  /** What this process learns from an entry it stored. */
  function learnStored(key: string, seq: number, entry: E) {
    seen(key, seq);
    cache.set(idOf(key, seq), entry);
    // This entry fills its block: copy it (a reader copies it if this does not happen).
    if (size && seq % size === 0) void readBlock(key, seq / size - 1).catch(() => null);
  }

  async function insertAt(key: string, seq: number, entry: E): Promise<'ok' | 'duplicate'> {
    if ((await insertOrFail(docs, entryDoc(key, seq, entry) as never)) === 'duplicate') return 'duplicate';
    learnStored(key, seq, entry);
    return 'ok';
  }

  return {
    /** Appends `entry` as the key's next entry and returns its seq. */
    append(key: string, entry: E): Promise<number> {
      return oneAtATime(key, async () => {
        let seq = (hints.get(key) ?? 0) + 1;
        while ((await insertAt(key, seq, entry)) === 'duplicate') {
          seen(key, seq);
          seq = (await tail(key)) + 1;
        }
        return seq;
      });
    },
    /**
     * Appends `entry` (which carries `uid`) unless an entry with that uid is in the key's log
     * already: however many calls with one uid race, in any processes, one entry is stored.
     *
     * Invariant: every entry with uid u is appended once the claim `<key>:<u>` is in (in
     * `<name>`, beside the entries), with `from` = a tail observed before that claim, so it lies
     * after `from`; and a call that did not make the claim inserts at seq s only after reading
     * every entry from `from`+1 to s-1 and finding no u there. Since seqs are filled in order and
     * entries never change, a second copy at s2 > s1 would have been read at s1 by its appender:
     * there is none. The claim and the entry at the seq after the tail go in one write (one
     * commit on FerretDB), claim first: a call whose claim fails stores nothing there.
     *
     * The claim carries the claiming call's `changeId`, so an outbox entry enqueued before it
     * (CommitRef `{collection: <name>, id: claimId(key, uid), changeId}`) counts as committed
     * once the uid is claimed, by that call only. Its handler must find the entry itself (it
     * is written with the claim, else just after it, or with a retry of the call).
     */
    appendOnce(
      key: string,
      uid: string,
      entry: E & { uid: string },
      changeId?: string,
      /** Settles before anything is written (e.g. its outbox entry being written meanwhile); a rejection writes nothing. */
      ready: Promise<unknown> = Promise.resolve(),
      /** A seq known to be filled (it may settle later), where the end is looked for when this process knows none as late. */
      stored: number | Promise<number | undefined> = 0,
    ): Promise<{ seq: number; created: boolean }> {
      void ready.catch(() => undefined); // awaited below, unless the call fails first
      if (/^\d+$/.test(uid)) return Promise.reject(new Error(`a uid must not be a number: ${uid}`));
      return oneAtATime(key, async () => {
        const ref = claimId(key, uid);
        const known = landed.get(ref);
        if (known) return { seq: known, created: false };
        const mark = (seq: number, created: boolean) => {
          landed.set(ref, seq);
          return { seq, created };
        };
        const hint = hints.get(key);
        // The end, from the caller's stored seq if it is later than this process's hint (another
        // process appended): its entry and the next are read, so a wrong seq is never taken for filled.
        const end = Promise.resolve(stored).then((seq = 0) => (seq > (hint ?? 0) ? tail(key, seq) : (hint ?? tail(key))));
        const [last] = await Promise.all([end, ready]);
        const claim: UidDoc = { _id: ref, from: last, ...(changeId ? { changeId } : {}) };
        const written = await insertInOrderOrFail(claims, [claim, entryDoc(key, last + 1, entry) as never]);
        if (written === 2) {
          learnStored(key, last + 1, entry);
          return mark(last + 1, true);
        }
        let from = last;
        if (written === 0) {
          // Claimed before, by a call that stored the entry or is storing it.
          const doc = await claims.findOne({ _id: ref });
          if (doc?.seq) return mark(doc.seq, false);
          from = doc?.from ?? 0;
        }
        // The seq was taken (or the claim was someone else's): probe the end, and look for the entry on the way.
        for (let checked = from; ;) {
          const next = (await tail(key)) + 1;
          const found = await findUid(key, uid, checked, next - 1);
          if (found) return mark(found, false);
          checked = next - 1;
          if ((await insertAt(key, next, entry)) === 'ok') return mark(next, true);
        }
      });
    },
    /** Where the entry with this uid landed, if it did (an `_id` read, then a scan from where it could be). */
    async findByUid(key: string, uid: string): Promise<number | null> {
      const ref = claimId(key, uid);
      const known = landed.get(ref);
      if (known) return known;
      const doc = await claims.findOne({ _id: ref });
      if (!doc) return null;
      const seq = doc.seq ?? (await findUid(key, uid, doc.from, await tail(key, doc.from)));
      if (seq) landed.set(ref, seq);
      return seq;
    },
    /** The key's last seq (0 when it has none): the number of entries it holds. */
    tail,
    /** Learns that `seq` of the key is filled (another process appended it): the next append starts after it. */
    learnFilled: seen,
    read,
    /** Entries from..to (inclusive, oldest first), read in parallel; null where none is stored. */
    async readRange(key: string, from: number, to: number): Promise<(E | null)[]> {
      from = Math.max(1, from);
      if (!size) return readEach(key, from, to);
      const known = hints.get(key) ?? 0;
      // Per block: entries already cached or in a block not known to be full one by one, else the block.
      const parts = seqs(Math.floor((from - 1) / size), Math.floor((to - 1) / size)).map(async (k) => {
        const [first, last] = [Math.max(from, k * size + 1), Math.min(to, (k + 1) * size)];
        const cached = seqs(first, last).every((seq) => cache.has(idOf(key, seq)));
        const entries = !cached && (k + 1) * size <= known ? await readBlock(key, k) : null;
        return entries ? entries.slice(first - k * size - 1, last - k * size) : readEach(key, first, last);
      });
      return (await Promise.all(parts)).flat();
    },
    /**
     * Stores whole logs at once (an import into a database no API process serves): each key's
     * entries at seqs 1..n, the copies of its full blocks, and where each entry carrying a `uid`
     * landed: what appending them one by one with `appendOnce` leaves. Fails with a duplicate
     * key if an entry exists.
     */
    /**
     * Rewrites every entry of a key (erasing a person's data: the only change an entry ever
     * gets) and drops its block copies, which readers copy again from the rewritten entries.
     * Other processes may still hold the old entries in their caches: callers keep readers
     * away first (e.g. a marker every read checks).
     */
    async rewriteAll(key: string, rewrite: (entry: E) => E) {
      const last = await tail(key);
      for (let seq = 1; seq <= last; seq++) {
        const doc = await docs.findOne({ _id: idOf(key, seq) });
        if (doc) await docs.updateOne({ _id: doc._id }, { $set: { entry: rewrite(doc.entry) } } as never);
        cache.delete(idOf(key, seq));
      }
      for (let k = 0; size && k * size < last; k++) await blocks.deleteOne({ _id: idOf(key, k) });
    },
    async importMany(logs: readonly { key: string; entries: readonly E[] }[]) {
      const inserted = logs.flatMap(({ key, entries }) =>
        entries.map((entry, i) => ({ _id: idOf(key, i + 1), key, seq: i + 1, entry })),
      );
      const copies = logs.flatMap(({ key, entries }) =>
        seqs(0, Math.floor(entries.length / (size || Infinity)) - 1).map((k) => ({
          _id: idOf(key, k),
          entries: entries.slice(k * size, (k + 1) * size),
        })),
      );
      const landings = inserted.flatMap(({ key, seq, entry }) => {
        const uid = (entry as { uid?: unknown }).uid;
        return typeof uid === 'string' ? [{ _id: claimId(key, uid), from: seq - 1, seq }] : [];
      });
      const inBatches = async <D>(all: D[], insert: (batch: D[]) => Promise<unknown>) => {
        for (let i = 0; i < all.length; i += IMPORT_BATCH) await insert(all.slice(i, i + IMPORT_BATCH));
      };
      await inBatches(inserted, (batch) => docs.insertMany(batch as never));
      await inBatches(copies, (batch) => blocks.insertMany(batch as never));
      await inBatches(landings, (batch) => claims.insertMany(batch));
    },
  };
}
export type SequencedLog<E extends Document> = ReturnType<typeof makeSequencedLog<E>>;
