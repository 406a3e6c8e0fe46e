import type { MessagingDeps } from './ports.ts';

/** A chat attachment may be seen by both participants of the conversation it was sent in (the files module asks). */
export function makeCanViewMedia(deps: MessagingDeps) {
  return async function canViewMedia(fileId: string, userId: string) {
    const conversationId = await deps.grants.find(fileId);
    const conversation = conversationId ? await deps.conversations.findById(conversationId) : null;
    return !!conversation && (conversation.patientId === userId || conversation.doctorId === userId);
  };
}
