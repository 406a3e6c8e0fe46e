import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { makeRevalidatingCache } from './revalidating-cache.ts';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

function counted() {
  let version = 0;
  const loads: string[] = [];
  const cache = makeRevalidatingCache({
    freshMs: 1_000,
    staleMs: 10_000,
    max: 2,
    load: async (key: string) => {
      loads.push(key);
      return `${key}@${++version}`;
    },
  });
  return { cache, loads };
}

it('reads a key once while fresh, serves it stale while one read renews it, and reads first when too old', async () => {
  const { cache, loads } = counted();
  expect(await Promise.all([cache.get('a'), cache.get('a')])).toEqual(['a@1', 'a@1']);
  expect(loads).toEqual(['a']); // concurrent misses share one read
  vi.advanceTimersByTime(999);
  expect(await cache.get('a')).toBe('a@1');
  expect(loads).toHaveLength(1);
  vi.advanceTimersByTime(1);
  expect(await cache.get('a')).toBe('a@1'); // stale: served, renewed behind
  await vi.waitFor(() => expect(loads).toHaveLength(2));
  expect(await cache.get('a')).toBe('a@2');
  vi.advanceTimersByTime(10_000);
  expect(await cache.get('a')).toBe('a@3'); // too old: read first
});

it('keeps what a writer sets, and forgets the oldest key beyond max', async () => {
  const { cache, loads } = counted();
  cache.set('a', 'written');
  expect(await cache.get('a')).toBe('written');
  await cache.get('b');
  await cache.get('c');
  expect(await cache.get('a')).toBe('a@3');
  expect(loads).toEqual(['b', 'c', 'a']);
  expect(await cache.read('c')).toBe('c@4');
});
