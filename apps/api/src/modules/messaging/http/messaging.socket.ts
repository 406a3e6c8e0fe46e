import { MessageResponse, SocketConversationMark, SocketSendMessage, SocketTyping, socketEvents } from '@doctime/contracts';
import { AppError } from '../../../platform/app-error.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { SocketEventHandler } from '../../../platform/realtime/realtime.ts';
import type { MessagingUseCases } from '../application/use-cases.ts';

/** The socket events messaging answers: parse with the contract schema, call one use case, acknowledge. */
export function messagingSocketHandlers(useCases: MessagingUseCases): Record<string, SocketEventHandler> {
  const participant = (caller: { role: string }) => {
    if (caller.role !== 'patient' && caller.role !== 'doctor') throw new AppError('NOT_FOUND', 'No such conversation.');
  };
  return {
    [socketEvents.messageSend]: async (caller, payload) => {
      participant(caller);
      const { conversationId, ...input } = parseWith(SocketSendMessage, payload);
      const { message } = await useCases.sendMessage(conversationId, caller.userId, input);
      return { message };
    },
    [socketEvents.typing]: async (caller, payload) => {
      participant(caller);
      const { conversationId, isTyping } = parseWith(SocketTyping, payload);
      await useCases.relayTyping(conversationId, caller.userId, isTyping);
    },
    [socketEvents.conversationRead]: async (caller, payload) => {
      participant(caller);
      const { conversationId, upToSeq } = parseWith(SocketConversationMark, payload);
      return useCases.markRead(conversationId, caller.userId, upToSeq);
    },
    [socketEvents.conversationDelivered]: async (caller, payload) => {
      participant(caller);
      const { conversationId, upToSeq } = parseWith(SocketConversationMark, payload);
      return useCases.markDelivered(conversationId, caller.userId, upToSeq);
    },
  };
}

/** What messaging learns from the pushes of other API processes (hints: a payload it cannot read is ignored). */
export function messagingPushListeners(useCases: MessagingUseCases): Record<string, (payload: unknown) => void> {
  return {
    [socketEvents.messageNew]: (payload) => {
      const pushed = MessageResponse.safeParse(payload);
      if (pushed.success) useCases.learnPushedMessage(pushed.data.message).catch(() => undefined);
    },
  };
}
