import { describe, expect, it } from 'vitest';
import { byActivity, inboxChange, inboxFold, unreadIn, type InboxChange } from './inbox.ts';

const fold = (changes: InboxChange[]) => changes.reduce(inboxFold.apply, inboxFold.empty());

describe('inbox', () => {
  const changes: InboxChange[] = [
    { conversationId: 'c1', peerId: 'dr', at: '2026-12-01T09:00:00Z' },
    { conversationId: 'c1', peerId: 'dr', lastSeq: 3, at: '2026-12-01T09:03:00Z' },
    { conversationId: 'c1', readUpTo: 2 },
    { conversationId: 'c2', peerId: 'dr2', lastSeq: 1, at: '2026-12-01T09:05:00Z' },
    { conversationId: 'c1', deliveredUpTo: 3 },
  ];

  it('folds to the same inbox in any order and with repeats: every field only grows', () => {
    const expected = fold(changes);
    expect(fold([...changes].reverse())).toEqual(expected);
    expect(fold([...changes, ...changes])).toEqual(expected);
    expect(expected.conversations['c1']).toEqual({
      peerId: 'dr',
      lastSeq: 3,
      lastAt: '2026-12-01T09:03:00Z',
      readUpTo: 2,
      deliveredUpTo: 3,
    });
  });

  it('folds a merged commit of several changes like the changes one by one', () => {
    expect(inboxFold.apply(inboxFold.empty(), { changes })).toEqual(fold(changes));
  });

  it('counts unread as what came after the read mark, even when the read was folded in first', () => {
    const early = fold([
      { conversationId: 'c', readUpTo: 5 },
      { conversationId: 'c', peerId: 'p', lastSeq: 7, at: 'x' },
    ]);
    expect(unreadIn(early.conversations['c']!)).toBe(2);
    expect(early.conversations['c']!.deliveredUpTo).toBe(5);
  });

  it('orders conversations by latest activity, and writes nothing it already says', () => {
    const state = fold(changes);
    expect(byActivity(state)).toEqual(['c2', 'c1']);
    expect(inboxChange(state, { conversationId: 'c1', readUpTo: 1 })).toBeNull();
    expect(inboxChange(state, { conversationId: 'c1', readUpTo: 3 })).toEqual({ conversationId: 'c1', readUpTo: 3 });
  });
});
