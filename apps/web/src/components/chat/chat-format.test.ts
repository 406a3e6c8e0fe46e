import { describe, expect, it } from 'vitest';
import { dayKey, dayLabel, deliveryOf, formatDuration, groupByDay, messagePreview, presenceLabel } from './chat-format';

const ZONE = 'Asia/Kolkata';
const now = new Date('2026-03-03T12:00:00Z'); // 17:30 in Kolkata

describe('days', () => {
  it('puts an instant on the calendar day of the zone', () => {
    expect(dayKey('2026-03-02T20:00:00Z', ZONE)).toBe('2026-03-03');
    expect(dayKey('2026-03-02T20:00:00Z', 'Europe/London')).toBe('2026-03-02');
  });

  it('says Today and Yesterday, and the date before that', () => {
    expect(dayLabel('2026-03-03T01:00:00Z', now, ZONE)).toBe('Today');
    expect(dayLabel('2026-03-02T01:00:00Z', now, ZONE)).toBe('Yesterday');
    expect(dayLabel('2026-02-20T01:00:00Z', now, ZONE)).toMatch(/20/);
  });

  it('groups consecutive items by day', () => {
    const items = ['2026-03-01T10:00:00Z', '2026-03-01T11:00:00Z', '2026-03-02T10:00:00Z'].map((createdAt) => ({ createdAt }));
    expect(groupByDay(items, 'UTC').map((g) => [g.day, g.items.length])).toEqual([
      ['2026-03-01', 2],
      ['2026-03-02', 1],
    ]);
  });
});

describe('formatDuration', () => {
  it('shows minutes and seconds', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7_400)).toBe('0:07');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(-5)).toBe('0:00');
  });
});

describe('deliveryOf', () => {
  it('is read, delivered or sent from how far the other side got', () => {
    const peer = { peerDeliveredUpTo: 7, peerReadUpTo: 5 };
    expect(deliveryOf(4, peer)).toBe('read');
    expect(deliveryOf(5, peer)).toBe('read');
    expect(deliveryOf(6, peer)).toBe('delivered');
    expect(deliveryOf(8, peer)).toBe('sent');
  });
});

describe('presenceLabel', () => {
  it('says online, or when the other side was last seen', () => {
    expect(presenceLabel(true, undefined, now, ZONE)).toBe('Online');
    expect(presenceLabel(false, undefined, now, ZONE)).toBe('Offline');
    expect(presenceLabel(false, '2026-03-03T06:00:00Z', now, ZONE)).toMatch(/^Last seen today at 11:30/);
    expect(presenceLabel(false, '2026-03-02T06:00:00Z', now, ZONE)).toMatch(/^Last seen yesterday at/);
    expect(presenceLabel(false, '2026-01-02T06:00:00Z', now, ZONE)).toMatch(/^Last seen 2 Jan|^Last seen Jan 2/);
  });
});

describe('messagePreview', () => {
  it('says who wrote it and what it is, on one line', () => {
    expect(messagePreview({ kind: 'text', text: 'See you\n then', senderId: 'a' }, 'a')).toBe('You: See you then');
    expect(messagePreview({ kind: 'audio', senderId: 'b' }, 'a')).toBe('Voice note');
    expect(messagePreview({ kind: 'image', text: 'my rash', senderId: 'b' }, 'a')).toBe('Image: my rash');
    expect(messagePreview({ kind: 'file', senderId: 'a' }, 'a')).toBe('You: Document');
  });
});
