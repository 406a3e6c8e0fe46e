import { describe, expect, it } from 'vitest';
import { compareText, pageOf, SortedList } from './sorted-list.ts';

interface Item {
  id: string;
  rank: number;
}
const byRank = (a: Item, b: Item) => a.rank - b.rank || compareText(a.id, b.id);
const ids = (list: SortedList<Item>) => list.values().map((i) => i.id);

describe('SortedList', () => {
  it('keeps items in order through reset, inserts and removes, ties broken by id', () => {
    const list = new SortedList(byRank);
    list.reset([
      { id: 'c', rank: 2 },
      { id: 'a', rank: 1 },
      { id: 'b', rank: 2 },
    ]);
    expect(ids(list)).toEqual(['a', 'b', 'c']);
    list.insert({ id: 'd', rank: 0 });
    list.insert({ id: 'bb', rank: 2 });
    list.insert({ id: 'z', rank: 9 });
    expect(ids(list)).toEqual(['d', 'a', 'b', 'bb', 'c', 'z']);
    expect(list.remove({ id: 'bb', rank: 2 })).toBe(true);
    expect(list.remove({ id: 'bb', rank: 2 })).toBe(false);
    expect(list.remove({ id: 'a', rank: 5 })).toBe(false); // not where an item of rank 5 would be
    expect(list.remove({ id: 'z', rank: 9 })).toBe(true);
    expect(ids(list)).toEqual(['d', 'a', 'b', 'c']);
    expect(list.size).toBe(4);
  });

  it('stays sorted under many random changes', () => {
    const list = new SortedList(byRank);
    const held = new Map<string, Item>();
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let step = 0; step < 2000; step++) {
      const id = `i${random(200)}`;
      const old = held.get(id);
      if (old) list.remove(old);
      const next = { id, rank: random(50) };
      held.set(id, next);
      list.insert(next);
    }
    expect(list.values()).toEqual([...held.values()].sort(byRank));
  });
});

describe('pageOf', () => {
  const numbers = Array.from({ length: 10 }, (_, i) => i);
  const even = (n: number) => n % 2 === 0;

  it('skips and limits among the matching items, and counts all of them', () => {
    expect(pageOf(numbers, even, 0, 2)).toEqual({ items: [0, 2], total: 5 });
    expect(pageOf(numbers, even, 2, 2)).toEqual({ items: [4, 6], total: 5 });
    expect(pageOf(numbers, even, 4, 2)).toEqual({ items: [8], total: 5 });
    expect(pageOf(numbers, even, 6, 2)).toEqual({ items: [], total: 5 });
    expect(pageOf(numbers, () => false, 0, 5)).toEqual({ items: [], total: 0 });
  });
});

describe('compareText', () => {
  it('orders by code unit, as MongoDB orders strings (upper case before lower case)', () => {
    expect(['b', 'B', 'a', 'A', 'ab'].sort(compareText)).toEqual(['A', 'B', 'a', 'ab', 'b']);
  });
});
