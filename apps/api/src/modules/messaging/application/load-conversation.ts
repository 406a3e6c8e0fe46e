import { AppError } from '../../../platform/app-error.ts';
import { peerOf } from '../domain/message.ts';
import type { MessagingDeps } from './ports.ts';

export const noSuchConversation = () => new AppError('NOT_FOUND', 'No such conversation.');

/**
 * The caller's conversation and the other participant; anyone else (admins too) gets 404, as
 * does everyone once it is erased (unless `evenErased`: the caller checks that itself).
 */
export async function loadConversation(
  deps: MessagingDeps,
  conversationId: string,
  userId: string,
  options: { evenErased?: boolean } = {},
) {
  const conversation = await deps.conversations.findById(conversationId, options);
  const peerId = conversation && peerOf(conversation, userId);
  if (!conversation || !peerId) throw noSuchConversation();
  return { conversation, peerId };
}
