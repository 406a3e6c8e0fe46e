/** Pure helpers for how the chat shows times, days, durations and delivery. */

/** The calendar day of an instant in a zone, as YYYY-MM-DD. */
export function dayKey(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(iso));
}

/** "Today", "Yesterday", or "Monday 3 March 2026" for a day separator. */
export function dayLabel(iso: string, now: Date, timeZone?: string): string {
  const day = dayKey(iso, timeZone);
  if (day === dayKey(now.toISOString(), timeZone)) return 'Today';
  if (day === dayKey(new Date(now.getTime() - 86_400_000).toISOString(), timeZone)) return 'Yesterday';
  return new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
    new Date(iso),
  );
}

/** Consecutive items grouped by the day they were written, for day separators. */
export function groupByDay<T extends { createdAt: string }>(
  items: readonly T[],
  timeZone?: string,
): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const day = dayKey(item.createdAt, timeZone);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** "0:07", "1:05", "12:00" for a voice note or clip length. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export type Delivery = 'sending' | 'failed' | 'sent' | 'delivered' | 'read';

/** How far one of the caller's confirmed messages got, from how far the other side has received and read. */
export function deliveryOf(seq: number, peer: { peerDeliveredUpTo: number; peerReadUpTo: number }): Delivery {
  if (seq <= peer.peerReadUpTo) return 'read';
  if (seq <= peer.peerDeliveredUpTo) return 'delivered';
  return 'sent';
}

export const DELIVERY_LABEL: Record<Delivery, string> = {
  sending: 'Sending',
  failed: 'Not sent',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
};

/** "online", "last seen today at 14:05", "last seen 3 Mar" for the other participant. */
export function presenceLabel(online: boolean, lastSeenAt: string | undefined, now: Date, timeZone?: string): string {
  if (online) return 'Online';
  if (!lastSeenAt) return 'Offline';
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(lastSeenAt));
  const day = dayLabel(lastSeenAt, now, timeZone);
  if (day === 'Today') return `Last seen today at ${time}`;
  if (day === 'Yesterday') return `Last seen yesterday at ${time}`;
  return `Last seen ${new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone }).format(new Date(lastSeenAt))}`;
}

const MEDIA_WORDS = { image: 'Image', audio: 'Voice note', video: 'Video clip', file: 'Document' } as const;

/** One line for a conversation list or an announcement: "You: See you then", "Voice note", "Image: my rash". */
export function messagePreview(
  message: { kind: keyof typeof MEDIA_WORDS | 'text'; text?: string; senderId: string },
  me: string,
): string {
  const text = message.text?.replace(/\s+/g, ' ').trim() ?? '';
  const body = message.kind === 'text' ? text : text ? `${MEDIA_WORDS[message.kind]}: ${text}` : MEDIA_WORDS[message.kind];
  return message.senderId === me ? `You: ${body}` : body;
}
