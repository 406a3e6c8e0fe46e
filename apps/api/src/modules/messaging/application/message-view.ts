import type { Message as MessageView } from '@doctime/contracts';
import type { Message } from '../domain/message.ts';

export function messageView(m: Message): MessageView {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    senderId: m.senderId,
    kind: m.kind,
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(m.media ? { media: m.media } : {}),
    clientId: m.clientId,
    createdAt: m.createdAt.toISOString(),
  };
}
