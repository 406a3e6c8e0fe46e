import { describe, expect, it } from 'vitest';
import {
  applyRead,
  markAllUpTo,
  markSeqs,
  noneRead,
  pageSeqs,
  readAtOf,
  unreadCount,
  unreadSeqs,
  type ReadChange,
  type ReadState,
} from './notification-reads.ts';
import { parsePublicId, publicIdOf } from './notification.ts';

const t1 = new Date('2026-03-02T08:00:00Z');
const t2 = new Date('2026-03-02T09:00:00Z');
const fold = (changes: (ReadChange | null)[], state: ReadState = noneRead()) =>
  changes.reduce((s, c) => (c ? applyRead(s, c) : s), state);

describe('read state', () => {
  it('counts unread as tail - upTo - read one by one, and pages the unread newest first', () => {
    const s = fold([markSeqs(noneRead(), [3, 5, 5], t1)]);
    expect(s.read).toEqual({ 3: t1.toISOString(), 5: t1.toISOString() });
    expect(unreadCount(s, 6)).toBe(4);
    expect(unreadSeqs(s, 6, 0, 10)).toEqual([6, 4, 2, 1]);
    expect(unreadSeqs(s, 6, 1, 2)).toEqual([4, 2]);
    expect(readAtOf(s, 3)).toBe(t1.toISOString());
    expect(readAtOf(s, 4)).toBeNull();
  });

  it('"mark all" raises upTo to the tail it saw, folding in what was read one by one; later ones stay unread', () => {
    const some = fold([markSeqs(noneRead(), [2, 7], t1)]);
    const all = fold([markAllUpTo(some, 5, t2)], some);
    expect(all).toEqual({ upTo: 5, upToAt: t2.toISOString(), read: { 7: t1.toISOString() } });
    expect(unreadCount(all, 8)).toBe(2);
    expect(unreadSeqs(all, 8, 0, 10)).toEqual([8, 6]);
    expect(markAllUpTo(all, 5, t2)).toBeNull();
    expect(markSeqs(all, [1, 7], t2)).toBeNull();
    // Changes decided from older states never move backwards.
    expect(fold([{ kind: 'upTo', seq: 3, at: t1.toISOString() }], all)).toEqual(all);
  });

  it('pages every seq newest first', () => {
    expect(pageSeqs(7, 0, 3)).toEqual([7, 6, 5]);
    expect(pageSeqs(7, 6, 3)).toEqual([1]);
    expect(pageSeqs(7, 9, 3)).toEqual([]);
  });
});

describe('public ids', () => {
  it('carry the seq and the token; anything else names nothing', () => {
    expect(parsePublicId(publicIdOf(12, { id: 'abc-def' }))).toEqual({ seq: 12, token: 'abc-def' });
    for (const bad of ['12', '0-abc', '-1-abc', 'x-abc', '12-', '1e3-abc']) expect(parsePublicId(bad)).toBeNull();
  });
});
