import { AppError } from '../../../platform/app-error.ts';
import { peerOf } from '../domain/message.ts';
import type { MessagingDeps } from './ports.ts';

/** The caller's conversation and the other participant; anyone else (admins too) gets 404. */
export async function loadConversation(deps: MessagingDeps, conversationId: string, userId: string) {
  const conversation = await deps.conversations.findById(conversationId);
  const peerId = conversation && peerOf(conversation, userId);
  if (!conversation || !peerId) throw new AppError('NOT_FOUND', 'No such conversation.');
  return { conversation, peerId };
}
