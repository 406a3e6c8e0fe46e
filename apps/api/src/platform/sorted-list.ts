/**
 * Items kept in `compare` order, so a page is a slice instead of a sort per
 * read. `compare` must be a total order (break ties by id): an item is found
 * again, to remove it, by comparing equal.
 */
export class SortedList<T> {
  private items: T[] = [];
  private readonly compare: (a: T, b: T) => number;

  constructor(compare: (a: T, b: T) => number) {
    this.compare = compare;
  }

  /** Replaces every item (one sort, for loading many at once). */
  reset(items: Iterable<T>) {
    this.items = [...items].sort(this.compare);
  }

  /** The first position whose item is not before `item`. */
  private seek(item: T): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(this.items[mid]!, item) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  insert(item: T) {
    this.items.splice(this.seek(item), 0, item);
  }

  /** Removes the item that compares equal to `item`; false when there is none. */
  remove(item: T): boolean {
    const at = this.seek(item);
    if (at >= this.items.length || this.compare(this.items[at]!, item) !== 0) return false;
    this.items.splice(at, 1);
    return true;
  }

  get size(): number {
    return this.items.length;
  }

  /** Every item in order (read only). */
  values(): readonly T[] {
    return this.items;
  }
}

/** Strings in MongoDB's default (binary) order; UTF-16 order differs only between astral and U+E000..U+FFFF characters. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Items skip..skip+limit of those in `ordered` that `match`, and how many match in all (a skip/limit/count query). */
export function pageOf<T>(ordered: readonly T[], match: (item: T) => boolean, skip: number, limit: number) {
  const items: T[] = [];
  let total = 0;
  for (const item of ordered) {
    if (!match(item)) continue;
    if (total >= skip && items.length < limit) items.push(item);
    total++;
  }
  return { items, total };
}
