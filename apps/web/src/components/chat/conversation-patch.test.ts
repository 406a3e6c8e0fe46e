import type { ConversationList } from '@doctime/contracts';
import { describe, expect, it } from 'vitest';
import { applyEvent, applyEventToList, peerOf } from './conversation-patch';
import { conversationOf, messageOf } from './test-messages';

const ME = 'patient-1';

describe('applyEvent', () => {
  it('a new message from the other side becomes the last message and counts as unread', () => {
    const next = applyEvent(conversationOf(), { type: 'message', message: messageOf(1) }, ME);
    expect(next).toMatchObject({ lastMessage: { seq: 1 }, unreadCount: 1, lastActivityAt: messageOf(1).createdAt });
    // Own messages and old ones do not count; a repeat changes nothing.
    const own = applyEvent(next, { type: 'message', message: messageOf(2, { senderId: ME }) }, ME);
    expect(own.unreadCount).toBe(1);
    expect(applyEvent(own, { type: 'message', message: messageOf(2, { senderId: ME }) }, ME)).toBe(own);
    expect(applyEvent(own, { type: 'message', message: messageOf(3, { conversationId: 'other' }) }, ME)).toBe(own);
  });

  it('reading up to the last message clears the unread count; receipts of the other side never move back', () => {
    const base = conversationOf({ lastMessage: messageOf(4), unreadCount: 2, readUpTo: 2 });
    expect(applyEvent(base, { type: 'read', conversationId: 'c1', userId: ME, upToSeq: 4 }, ME)).toMatchObject({
      readUpTo: 4,
      unreadCount: 0,
    });
    const read = applyEvent(base, { type: 'read', conversationId: 'c1', userId: 'doctor-1', upToSeq: 3 }, ME);
    expect(read).toMatchObject({ peerReadUpTo: 3, peerDeliveredUpTo: 3 });
    expect(applyEvent(read, { type: 'read', conversationId: 'c1', userId: 'doctor-1', upToSeq: 1 }, ME)).toBe(read);
    const delivered = applyEvent(read, { type: 'delivered', conversationId: 'c1', userId: 'doctor-1', upToSeq: 4 }, ME);
    expect(delivered).toMatchObject({ peerDeliveredUpTo: 4, peerReadUpTo: 3 });
    expect(applyEvent(delivered, { type: 'delivered', conversationId: 'c1', userId: ME, upToSeq: 9 }, ME)).toBe(delivered);
  });

  it('follows the other participant going online and offline', () => {
    const online = applyEvent(conversationOf(), { type: 'presence', userId: 'doctor-1', online: true, at: 'x' }, ME);
    expect(online.peerOnline).toBe(true);
    const offline = applyEvent(online, { type: 'presence', userId: 'doctor-1', online: false, at: '2026-03-03T11:00:00Z' }, ME);
    expect(offline).toMatchObject({ peerOnline: false, peerLastSeenAt: '2026-03-03T11:00:00Z' });
    expect(applyEvent(offline, { type: 'presence', userId: 'someone', online: true, at: 'x' }, ME)).toBe(offline);
  });

  it('knows the other participant from either side', () => {
    expect(peerOf(conversationOf(), 'patient-1').name).toBe('Dr Ravi Menon');
    expect(peerOf(conversationOf(), 'doctor-1').name).toBe('Asha Rao');
  });
});

describe('applyEventToList', () => {
  it('moves the conversation with the new message to the top and adds to the unread total', () => {
    const list: ConversationList = {
      items: [
        conversationOf({ id: 'c2', lastActivityAt: '2026-03-03T09:00:00.000Z' }),
        conversationOf({ lastActivityAt: '2026-03-01T00:00:00.000Z' }),
      ],
      total: 2,
      page: 1,
      limit: 20,
      unreadTotal: 0,
    };
    const next = applyEventToList(list, { type: 'message', message: messageOf(1) }, ME);
    expect(next.items.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(next.unreadTotal).toBe(1);
    expect(applyEventToList(list, { type: 'message', message: messageOf(1, { conversationId: 'c9' }) }, ME)).toBe(list);
  });
});
