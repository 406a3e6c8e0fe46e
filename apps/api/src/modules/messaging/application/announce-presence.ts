import { socketEvents } from '@doctime/contracts';
import type { MessagingDeps } from './ports.ts';

/** A user came online or went offline: everyone they have a conversation with hears it. */
export function makeAnnouncePresence(deps: MessagingDeps) {
  return async function announcePresence(userId: string, online: boolean) {
    const inbox = await deps.inboxes.read(userId);
    const peers = [...new Set(Object.values(inbox.conversations).map((entry) => entry.peerId))].filter(Boolean);
    deps.realtime.toUsers(peers, socketEvents.presence, { userId, online });
  };
}
