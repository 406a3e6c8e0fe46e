import type { Conversation, Message, MessageList, SendMessageRequest, SocketSendMessage } from '@doctime/contracts';
import { socketEvents } from '@doctime/contracts';
import { api, ApiError } from '../../lib/api-client';
import { emitWithAck, RealtimeUnavailableError } from '../../lib/realtime';

/** Paths and cache keys of the messaging API, shared by the Messages page and the appointment pages' chat panel. */
export const CHAT_API = {
  conversations: '/api/v1/conversations',
  conversation: (id: string) => `/api/v1/conversations/${encodeURIComponent(id)}`,
  messages: (id: string) => `/api/v1/conversations/${encodeURIComponent(id)}/messages`,
  read: (id: string) => `/api/v1/conversations/${encodeURIComponent(id)}/read`,
  fileUrl: (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}/url`,
} as const;

/** Every cached conversation (`one`) and list page (`list`): live events patch them, a reconnect refetches them. */
export const CONVERSATIONS_KEY = ['conversations'] as const;
export const conversationKey = (id: string) => ['conversations', 'one', id] as const;
export const conversationListKey = (page: number, limit: number) => ['conversations', 'list', { page, limit }] as const;

export type ConversationData = { conversation: Conversation };

/** `{after}`, `{before}` or `{q}` of GET /conversations/:id/messages. */
export function fetchMessages(
  conversationId: string,
  query: { before?: number; after?: number; q?: string; limit?: number },
  signal?: AbortSignal,
): Promise<MessageList> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  return api.get<MessageList>(`${CHAT_API.messages(conversationId)}?${params}`, signal ? { signal } : undefined);
}

type SendAck = { message: Message } | { error: { code: string; message: string; details?: Record<string, unknown> } };

/**
 * Posts a message over the live connection (`message:send`, acknowledged) or,
 * without one or when the acknowledgement does not come, over REST. The
 * client id makes both safe to repeat: the server keeps the first.
 */
export async function postMessage(conversationId: string, body: SendMessageRequest): Promise<Message> {
  try {
    const payload: SocketSendMessage = { conversationId, ...body };
    const ack = await emitWithAck<SendAck>(socketEvents.messageSend, payload);
    if ('error' in ack) {
      const { code, message, details } = ack.error;
      throw new ApiError({ status: 0, code, message, ...(details ? { details } : {}) });
    }
    return ack.message;
  } catch (error) {
    if (!(error instanceof RealtimeUnavailableError)) throw error;
  }
  const { message } = await api.post<{ message: Message }>(CHAT_API.messages(conversationId), body);
  return message;
}
