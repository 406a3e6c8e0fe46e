import type { Conversation as ConversationView } from '@doctime/contracts';
import { unreadIn, type InboxEntry } from '../domain/inbox.ts';
import type { Conversation } from '../domain/message.ts';
import { pairAppointments, postingWindow } from '../domain/posting-window.ts';
import { messageView } from './message-view.ts';
import type { MessagingDeps } from './ports.ts';

const emptyEntry = (peerId: string, at: Date): InboxEntry => ({
  peerId,
  lastSeq: 0,
  lastAt: at.toISOString(),
  readUpTo: 0,
  deliveredUpTo: 0,
});

/**
 * Conversations as `userId` sees them: names, the last message, unread count,
 * whether posting is open (and why not), presence; with `peers`, how far the
 * other side has received and read (one more read each, so only for one).
 */
export async function conversationViews(
  deps: MessagingDeps,
  userId: string,
  conversations: { conversation: Conversation; entry?: InboxEntry }[],
  options: { peers?: boolean } = {},
): Promise<ConversationView[]> {
  const peerIds = conversations.map(({ conversation: c }) => (c.patientId === userId ? c.doctorId : c.patientId));
  const [names, presence] = await Promise.all([
    deps.users.findNames([...new Set(conversations.flatMap(({ conversation: c }) => [c.patientId, c.doctorId]))]),
    deps.realtime.presence.status(peerIds),
  ]);
  const now = deps.clock.now();
  return Promise.all(
    conversations.map(async ({ conversation: c, entry: known }, i) => {
      const peerId = peerIds[i]!;
      const entry = known ?? emptyEntry(peerId, c.createdAt);
      const [pair, last, peerEntry] = await Promise.all([
        deps.pairs.peek(c.id),
        entry.lastSeq ? deps.messages.range(c.id, entry.lastSeq, entry.lastSeq) : Promise.resolve([]),
        options.peers ? deps.inboxes.read(peerId).then((s) => s.conversations[c.id]) : Promise.resolve(undefined),
      ]);
      const window = postingWindow(pairAppointments(pair), now);
      const seen = presence.get(peerId);
      return {
        id: c.id,
        patient: { id: c.patientId, name: names.get(c.patientId) ?? 'Deleted patient' },
        doctor: { id: c.doctorId, name: names.get(c.doctorId) ?? 'Doctor' },
        ...(last[0] ? { lastMessage: messageView(last[0]) } : {}),
        unreadCount: unreadIn(entry),
        canPost: window.canPost,
        ...(window.canPost ? {} : { readOnlyReason: window.reason }),
        ...(window.canPost && window.openUntil ? { openUntil: window.openUntil.toISOString() } : {}),
        lastActivityAt: entry.lastAt || c.createdAt.toISOString(),
        readUpTo: entry.readUpTo,
        ...(peerEntry || options.peers
          ? { peerDeliveredUpTo: peerEntry?.deliveredUpTo ?? 0, peerReadUpTo: peerEntry?.readUpTo ?? 0 }
          : {}),
        peerOnline: seen?.online ?? false,
        ...(seen?.lastSeenAt ? { peerLastSeenAt: seen.lastSeenAt.toISOString() } : {}),
      };
    }),
  );
}
