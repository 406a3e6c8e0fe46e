import type { Db, Document } from 'mongodb';
import { makeFoldedStore } from './folded-store.ts';

/** One entry of an owner's list: a record's newest known version, placed at `at` (ms) in its `group`. */
export interface TimelineItem<V> {
  id: string;
  version: number;
  at: number;
  group: string;
  value: V;
}
/** What a bucket holds for a record: its item, or a tombstone once it moved to another bucket. */
type Slot<V> = TimelineItem<V> | { id: string; version: number; removed: true };
const isItem = <V>(slot: Slot<V>): slot is TimelineItem<V> => !('removed' in slot);

type Counts = Record<string, number>;
/** A child as its directory knows it: the child's folded version `n` and its items per group. */
interface Entry {
  n: number;
  counts: Counts;
}
interface Bucket<V> {
  items: Record<string, Slot<V>>;
}
interface Directory {
  entries: Record<string, Entry>;
}

/** How a page is cut from an owner's list, newest or oldest first. */
export interface PagePlan<V> {
  order: 'asc' | 'desc';
  /**
   * How many items under `key` (a bucket or a directory of any level) `match`, from its counts
   * alone; null when only reading it can tell (then a directory's children are asked in turn).
   */
  count(key: string, counts: Counts): number | null;
  match(item: TimelineItem<V>): boolean;
  /** Times (ms) whose bucket and directories the page reads whatever it shows (e.g. around now): fetched at once, in parallel. */
  prefetch?: readonly number[];
  skip: number;
  limit: number;
}

const addCounts = (a: Counts, b: Counts): Counts => {
  const sum = { ...a };
  for (const [group, n] of Object.entries(b)) sum[group] = (sum[group] ?? 0) + n;
  return sum;
};
const countsOf = <V>(bucket: Bucket<V>): Counts => {
  const counts: Counts = {};
  for (const slot of Object.values(bucket.items)) if (isItem(slot)) counts[slot.group] = (counts[slot.group] ?? 0) + 1;
  return counts;
};
const sumOf = (dir: Directory) => Object.values(dir.entries).reduce<Counts>((sum, e) => addCounts(sum, e.counts), {});

const bucketFold = <V>() => ({
  empty: (): Bucket<V> => ({ items: {} }),
  apply: (state: Bucket<V>, { slots }: { slots: Slot<V>[] }) => {
    const items = { ...state.items };
    for (const slot of slots) if ((items[slot.id]?.version ?? 0) < slot.version) items[slot.id] = slot;
    return { items };
  },
});

/** A list's records a put or an import touches, per owner and bucket. */
function groupByOwnerAndBucket<V>(
  entries: { owners: string[]; item: TimelineItem<V> }[],
  pathOf: (owner: string, at: number) => string[],
) {
  const byOwner = new Map<string, Map<string, { path: string[]; slots: Slot<V>[] }>>();
  for (const { owners, item } of entries)
    for (const owner of owners) {
      const perBucket = byOwner.get(owner) ?? new Map<string, { path: string[]; slots: Slot<V>[] }>();
      byOwner.set(owner, perBucket);
      const path = pathOf(owner, item.at);
      const bucket = perBucket.get(path.at(-1)!) ?? { path, slots: [] };
      perBucket.set(path.at(-1)!, bucket);
      bucket.slots.push(item);
    }
  return byOwner;
}

type Reader<S> = (id: string) => Promise<{ n: number; state: S }>;
/**
 * A directory or bucket of a page's read: the version its directory recorded (none for the root),
 * its size from its counts (null until read) and, once read, its content.
 */
interface Node<V> {
  path: string[];
  n?: number;
  size: number | null;
  items?: TimelineItem<V>[];
  children?: Node<V>[];
}

/**
 * Lists of records per owner (a patient's appointments, a doctor's, everyone's),
 * ordered by a time, that a page reads by `_id` only: FerretDB answers nothing
 * else from an index. `pathOf` places an item by its time at a path of keys
 * (e.g. year > month > day > hour), as long for all of an owner's items, each
 * key sorting in time order, starting with its parent's and fit for a field
 * name (no '.'). The last key names a bucket, a folded record `<owner>|<key>`
 * holding items; each earlier one a directory, a folded record `<owner>|<key>`
 * (the root: `<owner>`) holding its children's counts per group. A page reads
 * the root and descends only into the entries its plan cannot count and those
 * it shows, so it reads a few small records whatever the owner's history.
 *
 * Invariant: a bucket keeps, per record, only the highest version put into it
 * (a tombstone when that version lives in another bucket), so puts may arrive
 * late, twice or out of order and the lists still converge on the newest
 * versions; a directory entry moves only to a later state of its child, and
 * every put records the state it left or found at each level in the level above.
 */
export function makeTimelineLists<V extends Document>(db: Db, name: string, pathOf: (owner: string, at: number) => string[]) {
  const buckets = makeFoldedStore<Bucket<V>, { slots: Slot<V>[] }>(db, `${name}_buckets`, bucketFold<V>());
  const directories = makeFoldedStore<Directory, Directory>(db, `${name}_directories`, {
    empty: () => ({ entries: {} }),
    apply: (state, change) => {
      const next = { ...state.entries };
      for (const [key, entry] of Object.entries(change.entries)) if ((next[key]?.n ?? 0) < entry.n) next[key] = entry;
      return { entries: next };
    },
  });
  /** The record at `path` (the root directory at []). */
  const idOf = (owner: string, path: string[]) => (path.length ? `${owner}|${path.at(-1)}` : owner);

  /** Puts slots into one bucket of an owner (each only if newer than what it holds) and returns the bucket's state. */
  async function putSlots(owner: string, path: string[], slots: Slot<V>[]) {
    const { n, state } = await buckets.change(idOf(owner, path), (current) => {
      const newer = slots.filter((s) => (current.items[s.id]?.version ?? 0) < s.version);
      return newer.length ? { slots: newer } : null;
    });
    return { path, state: { n, counts: countsOf(state) } };
  }

  /**
   * Records children's states in their directories, then those directories' states in theirs, up
   * to the owner's root (at each level, whether or not this call changed them).
   */
  async function recordUp(owner: string, children: { path: string[]; state: Entry }[]) {
    while (children.length) {
      const parents = new Map<string, { path: string[]; entries: Record<string, Entry> }>();
      for (const { path, state } of children) {
        const parent = parents.get(idOf(owner, path.slice(0, -1))) ?? { path: path.slice(0, -1), entries: {} };
        parents.set(idOf(owner, parent.path), parent);
        parent.entries[path.at(-1)!] = state;
      }
      const recorded = await Promise.all(
        [...parents].map(async ([id, { path, entries }]) => {
          const { n, state } = await directories.change(id, (dir) => {
            const later = Object.entries(entries).filter(([key, e]) => (dir.entries[key]?.n ?? 0) < e.n);
            return later.length ? { entries: Object.fromEntries(later) } : null;
          });
          return { path, state: { n, counts: sumOf(state) } };
        }),
      );
      children = recorded.filter(({ path }) => path.length > 0);
    }
  }

  return {
    /**
     * Puts version `item.version` of a record into each owner's list. `previousAt` is where the
     * version before it was placed: when that falls in another bucket, it leaves a tombstone there.
     */
    async put(owners: string[], item: TimelineItem<V>, previousAt?: number) {
      await Promise.all(
        owners.map(async (owner) => {
          const target = pathOf(owner, item.at);
          const old = previousAt === undefined ? target : pathOf(owner, previousAt);
          const tombstone = { id: item.id, version: item.version, removed: true as const };
          const moved = old.at(-1) !== target.at(-1);
          await recordUp(
            owner,
            await Promise.all([putSlots(owner, target, [item]), ...(moved ? [putSlots(owner, old, [tombstone])] : [])]),
          );
        }),
      );
    },
    /** Puts many records at once (a backfill): one change per touched bucket and directory. */
    async putMany(entries: { owners: string[]; item: TimelineItem<V> }[]) {
      for (const [owner, perBucket] of groupByOwnerAndBucket(entries, pathOf))
        await recordUp(owner, await Promise.all([...perBucket.values()].map(({ path, slots }) => putSlots(owner, path, slots))));
    },
    /** Lists records for owners that have no list yet, in bulk (an import into a database no API process serves). */
    async importMany(entries: { owners: string[]; item: TimelineItem<V> }[]) {
      const bucketRecords: { id: string; change: { slots: Slot<V>[] } }[] = [];
      const dirs = new Map<string, Directory>();
      for (const [owner, perBucket] of groupByOwnerAndBucket(entries, pathOf))
        for (const { path, slots } of perBucket.values()) {
          bucketRecords.push({ id: idOf(owner, path), change: { slots } });
          const counts = countsOf(bucketFold<V>().apply({ items: {} }, { slots }));
          path.forEach((key, level) => {
            const id = idOf(owner, path.slice(0, level));
            const dir = dirs.get(id) ?? { entries: {} };
            dirs.set(id, dir);
            dir.entries[key] = { n: 1, counts: addCounts(dir.entries[key]?.counts ?? {}, counts) };
          });
        }
      await buckets.importMany(bucketRecords);
      await directories.importMany([...dirs].map(([id, change]) => ({ id, change })));
    },
    /** One page of an owner's list and the number of items that match in all. */
    async page(owner: string, plan: PagePlan<V>): Promise<{ items: V[]; total: number }> {
      const depth = pathOf(owner, 0).length;
      const sign = plan.order === 'asc' ? 1 : -1;
      // Records on the paths to the prefetched times, read at once rather than level by level.
      const early = new Map<string, Promise<{ n: number; state: Document }>>();
      for (const at of plan.prefetch ?? []) {
        const path = pathOf(owner, at);
        for (let level = 0; level <= depth; level++) {
          const id = idOf(owner, path.slice(0, level));
          const key = `${level === depth ? 'b' : 'd'}:${id}`;
          if (early.has(key)) continue;
          const pending = level === 0 ? directories.read(id) : level === depth ? buckets.peek(id) : directories.peek(id);
          pending.catch(() => {}); // awaited (and thrown) where it is used, if it is
          early.set(key, pending);
        }
      }
      /**
       * Reads a record's head alone, or rolls it forward when it is behind the version its directory
       * recorded (a head written late by a writer another had overtaken); the root is always rolled.
       */
      const fresh = async <S extends Document>(store: { peek: Reader<S>; read: Reader<S> }, node: Node<V>) => {
        const id = idOf(owner, node.path);
        const fetched = early.get(`${node.path.length === depth ? 'b' : 'd'}:${id}`) as ReturnType<Reader<S>> | undefined;
        if (node.n === undefined) return (await (fetched ?? store.read(id))).state;
        const head = await (fetched ?? store.peek(id));
        return head.n >= node.n ? head.state : (await store.read(id)).state;
      };
      /** Reads a node: a bucket's matching items in order, or a directory's entries, sized. */
      async function open(node: Node<V>) {
        if (node.path.length === depth) {
          const state = await fresh(buckets, node);
          node.items = Object.values(state.items)
            .filter(isItem)
            .filter(plan.match)
            .sort((x, y) => sign * (x.at - y.at) || (x.id < y.id ? -1 : 1));
          node.size = node.items.length;
          return;
        }
        const state = await fresh(directories, node);
        const keys = Object.keys(state.entries).sort();
        if (plan.order === 'desc') keys.reverse();
        node.children = keys.map((key) => {
          const { n, counts } = state.entries[key]!;
          return { path: [...node.path, key], n, size: plan.count(key, counts) };
        });
        // Entries whose counts cannot say how many match (around "now") are read at once, in parallel.
        await Promise.all(node.children.filter((c) => c.size === null).map(open));
        node.size = node.children.reduce((sum, c) => sum + c.size!, 0);
      }
      /** The items at positions [from, to) of a read node, reading the children they fall in. */
      async function take(node: Node<V>, from: number, to: number): Promise<V[]> {
        if (node.items) return node.items.slice(Math.max(from, 0), to).map((item) => item.value);
        let offset = 0;
        const parts: Promise<V[]>[] = [];
        for (const child of node.children!) {
          const start = offset;
          if (child.size! > 0 && start + child.size! > from && start < to)
            parts.push(
              (child.items || child.children ? Promise.resolve() : open(child)).then(() => take(child, from - start, to - start)),
            );
          offset += child.size!;
        }
        return (await Promise.all(parts)).flat();
      }
      const root: Node<V> = { path: [], size: null };
      await open(root);
      return { items: await take(root, plan.skip, plan.skip + plan.limit), total: root.size! };
    },
  };
}
