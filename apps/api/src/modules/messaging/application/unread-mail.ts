import { emailEffect, type SideEffect } from '../../../platform/side-effect.ts';
import type { MessagingDeps } from './ports.ts';

export const UNREAD_MAIL = 'message.unread-mail';

export interface UnreadCheck {
  conversationId: string;
  messageId: string;
  recipientId: string;
  dueAt: string;
  /** The burst (conversation, recipient, their read mark): one check, one e-mail at most, per burst. */
  burst: string;
}

/**
 * At the check's time: one e-mail if the recipient has still not read that
 * message (nor anything after it), with no text from the conversation.
 */
export function makeDecideUnreadMail(deps: MessagingDeps) {
  return async function decideUnreadMail(check: UnreadCheck): Promise<SideEffect[]> {
    const [message, inbox, recipient] = await Promise.all([
      deps.messages.findById(check.conversationId, check.messageId),
      deps.inboxes.read(check.recipientId),
      deps.users.findAccount(check.recipientId),
    ]);
    const entry = inbox.conversations[check.conversationId];
    if (!message || !recipient || (entry && entry.readUpTo >= message.seq)) return [];
    const unread = entry ? Math.max(1, entry.lastSeq - entry.readUpTo) : 1;
    const sender = (await deps.users.findNames([message.senderId])).get(message.senderId) ?? 'your care team';
    const conversation = await deps.conversations.findById(check.conversationId);
    const role = conversation?.doctorId === recipient.id ? 'doctor' : 'patient';
    const link = `${deps.webOrigin}/${role}/messages/${check.conversationId}`;
    const count = unread === 1 ? 'a message' : `${unread} messages`;
    return [
      emailEffect({
        to: recipient.email,
        subject: `You have ${count} from ${sender} on DocTime`,
        text: `Hello ${recipient.name},\n\n${sender} sent you ${count} you have not read yet.\nRead and reply: ${link}\n\nDocTime`,
      }),
    ];
  };
}
