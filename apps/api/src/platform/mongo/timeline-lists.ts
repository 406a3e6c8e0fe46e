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

interface Bucket<V> {
  items: Record<string, Slot<V>>;
}
type Counts = Record<string, number>;
interface Directory {
  buckets: Record<string, { n: number; counts: Counts }>;
}

/** How a page is cut from an owner's buckets, newest or oldest first. */
export interface PagePlan<V> {
  order: 'asc' | 'desc';
  /** How many items of the bucket `match`, from its counts alone; null when only reading the bucket can tell. */
  count(bucket: string, counts: Counts): number | null;
  match(item: TimelineItem<V>): boolean;
  skip: number;
  limit: number;
}

const countsOf = <V>(bucket: Bucket<V>): Counts => {
  const counts: Counts = {};
  for (const slot of Object.values(bucket.items)) if (isItem(slot)) counts[slot.group] = (counts[slot.group] ?? 0) + 1;
  return counts;
};

function groupByOwnerAndBucket<V>(
  entries: { owners: string[]; item: TimelineItem<V> }[],
  bucketOf: (owner: string, at: number) => string,
) {
  const byOwner = new Map<string, Map<string, Slot<V>[]>>();
  for (const { owners, item } of entries)
    for (const owner of owners) {
      const perBucket = byOwner.get(owner) ?? new Map<string, Slot<V>[]>();
      byOwner.set(owner, perBucket);
      const b = bucketOf(owner, item.at);
      perBucket.set(b, [...(perBucket.get(b) ?? []), item]);
    }
  return byOwner;
}

/**
 * Lists of records per owner (a patient's appointments, a doctor's, everyone's),
 * ordered by a time, that a page reads by `_id` only: FerretDB answers nothing
 * else from an index. An owner's items live in buckets (`bucketOf`: a month, a
 * day), each a folded record `<owner>|<bucket>`; the owner's directory, another
 * folded record, holds each bucket's counts per group, so a page reads the
 * directory and the few buckets it shows, whatever the owner's history.
 *
 * Invariant: a bucket keeps, per record, only the highest version put into it
 * (a tombstone when that version lives in another bucket), so puts may arrive
 * late, twice or out of order and the lists still converge on the newest
 * versions; a directory entry moves only to a later state of its bucket.
 */
export function makeTimelineLists<V extends Document>(db: Db, name: string, bucketOf: (owner: string, at: number) => string) {
  const buckets = makeFoldedStore<Bucket<V>, { slots: Slot<V>[] }>(db, `${name}_buckets`, {
    empty: () => ({ items: {} }),
    apply: (state, { slots }) => {
      const items = { ...state.items };
      for (const slot of slots) if ((items[slot.id]?.version ?? 0) < slot.version) items[slot.id] = slot;
      return { items };
    },
  });
  const directories = makeFoldedStore<Directory, Directory>(db, `${name}_directories`, {
    empty: () => ({ buckets: {} }),
    apply: (state, change) => {
      const next = { ...state.buckets };
      for (const [b, entry] of Object.entries(change.buckets)) if ((next[b]?.n ?? 0) < entry.n) next[b] = entry;
      return { buckets: next };
    },
  });
  const bucketId = (owner: string, bucket: string) => `${owner}|${bucket}`;

  /** Puts slots into one bucket of an owner (each only if newer than what it holds) and returns the bucket's state. */
  async function putSlots(owner: string, bucket: string, slots: Slot<V>[]) {
    const { n, state } = await buckets.change(bucketId(owner, bucket), (current) => {
      const newer = slots.filter((s) => (current.items[s.id]?.version ?? 0) < s.version);
      return newer.length ? { slots: newer } : null;
    });
    return { n, counts: countsOf(state) };
  }

  /** Records the buckets' states in the owner's directory (whether or not this call changed them). */
  async function recordInDirectory(owner: string, states: Record<string, { n: number; counts: Counts }>) {
    await directories.change(owner, (dir) => {
      const later = Object.entries(states).filter(([b, s]) => (dir.buckets[b]?.n ?? 0) < s.n);
      return later.length ? { buckets: Object.fromEntries(later) } : null;
    });
  }

  return {
    /**
     * Puts version `item.version` of a record into each owner's list. `previousAt` is where the
     * version before it was placed: when that falls in another bucket, it leaves a tombstone there.
     */
    async put(owners: string[], item: TimelineItem<V>, previousAt?: number) {
      await Promise.all(
        owners.map(async (owner) => {
          const target = bucketOf(owner, item.at);
          const old = previousAt === undefined ? target : bucketOf(owner, previousAt);
          const states: Record<string, { n: number; counts: Counts }> = {};
          states[target] = await putSlots(owner, target, [item]);
          if (old !== target) states[old] = await putSlots(owner, old, [{ id: item.id, version: item.version, removed: true }]);
          await recordInDirectory(owner, states);
        }),
      );
    },
    /** Puts many records at once (a backfill): one change per touched bucket and directory. */
    async putMany(entries: { owners: string[]; item: TimelineItem<V> }[]) {
      for (const [owner, perBucket] of groupByOwnerAndBucket(entries, bucketOf)) {
        const states: Record<string, { n: number; counts: Counts }> = {};
        await Promise.all([...perBucket].map(async ([b, slots]) => (states[b] = await putSlots(owner, b, slots))));
        await recordInDirectory(owner, states);
      }
    },
    /** Lists records for owners that have no list yet, in bulk (an import into a database no API process serves). */
    async importMany(entries: { owners: string[]; item: TimelineItem<V> }[]) {
      const grouped = groupByOwnerAndBucket(entries, bucketOf);
      const bucketRecords = [...grouped].flatMap(([owner, perBucket]) =>
        [...perBucket].map(([b, slots]) => ({ id: bucketId(owner, b), change: { slots } })),
      );
      await buckets.importMany(bucketRecords);
      await directories.importMany(
        [...grouped].map(([owner, perBucket]) => ({
          id: owner,
          change: {
            buckets: Object.fromEntries(
              [...perBucket].map(([b, slots]) => [
                b,
                { n: 1, counts: countsOf({ items: Object.fromEntries(slots.map((s) => [s.id, s])) }) },
              ]),
            ),
          },
        })),
      );
    },
    /** One page of an owner's list and the number of items that match in all. */
    async page(owner: string, plan: PagePlan<V>): Promise<{ items: V[]; total: number }> {
      const { state: dir } = await directories.peek(owner);
      const keys = Object.keys(dir.buckets).sort();
      if (plan.order === 'desc') keys.reverse();
      const read = new Map<string, TimelineItem<V>[]>();
      const readBucket = async (b: string) => {
        const { state } = await buckets.peek(bucketId(owner, b));
        const sign = plan.order === 'asc' ? 1 : -1;
        const items = Object.values(state.items)
          .filter(isItem)
          .filter(plan.match)
          .sort((x, y) => sign * (x.at - y.at) || (x.id < y.id ? -1 : 1));
        read.set(b, items);
      };
      // Buckets whose counts cannot say how many match (around "now") are read first, in parallel.
      const counted = keys.map((b) => ({ b, count: plan.count(b, dir.buckets[b]!.counts) }));
      await Promise.all(counted.filter((c) => c.count === null).map((c) => readBucket(c.b)));
      const sizes = counted.map(({ b, count }) => ({ b, size: count ?? read.get(b)!.length }));
      const total = sizes.reduce((sum, s) => sum + s.size, 0);
      // Then the buckets the page falls in.
      let offset = 0;
      const shown: { b: string; from: number }[] = [];
      for (const { b, size } of sizes) {
        if (offset + size > plan.skip && offset < plan.skip + plan.limit) shown.push({ b, from: offset });
        offset += size;
      }
      await Promise.all(shown.filter(({ b }) => !read.has(b)).map(({ b }) => readBucket(b)));
      const items = shown.flatMap(({ b, from }) => read.get(b)!.map((item, i) => ({ item, position: from + i })));
      return {
        items: items
          .filter(({ position }) => position >= plan.skip && position < plan.skip + plan.limit)
          .map(({ item }) => item.value),
        total,
      };
    },
  };
}
