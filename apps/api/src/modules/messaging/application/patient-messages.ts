import type { Conversation } from '../domain/message.ts';
import { messageView } from './message-view.ts';
import type { MessagingDeps } from './ports.ts';

/** The patient's conversations (those not erased), from their inbox. */
async function conversationsOf(deps: MessagingDeps, patientId: string): Promise<Conversation[]> {
  const inbox = await deps.inboxes.read(patientId);
  const found = await Promise.all(Object.keys(inbox.conversations).map((id) => deps.conversations.findById(id)));
  return found.filter((c): c is Conversation => c !== null && c.patientId === patientId);
}

/** A patient's data export: every conversation with all its messages (files are named, not included). */
export function makeExportPatientMessages(deps: MessagingDeps) {
  return async function exportPatientMessages(patientId: string) {
    const conversations = await conversationsOf(deps, patientId);
    const names = await deps.users.findNames(conversations.map((c) => c.doctorId));
    return Promise.all(
      conversations.map(async (c) => ({
        conversationId: c.id,
        doctor: { id: c.doctorId, name: names.get(c.doctorId) ?? 'Doctor' },
        messages: (await deps.messages.range(c.id, 1, await deps.messages.tail(c.id))).map(messageView),
      })),
    );
  };
}

/**
 * A patient's account deletion: each of their conversations is closed to
 * both sides for good (a marker every read checks), then its messages lose
 * their text and files (every entry rewritten, block copies dropped). Safe to
 * repeat.
 */
export function makeErasePatientMessages(deps: MessagingDeps) {
  return async function erasePatientMessages(patientId: string) {
    const inbox = await deps.inboxes.read(patientId);
    for (const id of Object.keys(inbox.conversations)) {
      const conversation = await deps.conversations.findById(id, { evenErased: true });
      if (conversation?.patientId !== patientId) continue;
      await deps.conversations.markErased(id);
      await deps.messages.erase(id);
    }
  };
}
