import { z } from 'zod';
import { Id, trimmedText } from './common.ts';

export const messageKinds = ['text', 'image', 'audio', 'video', 'file'] as const;
export const MessageKind = z.enum(messageKinds, { message: 'Use text, image, audio, video or file' });
export type MessageKind = z.infer<typeof MessageKind>;

/** What a chat attachment of each kind may be (uploaded with purpose `chat-media`): the API checks it and the web shows it. */
export const chatMediaRules: Record<Exclude<MessageKind, 'text'>, { contentTypes: readonly string[]; maxBytes: number }> = {
  image: { contentTypes: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 10 * 1024 * 1024 },
  audio: { contentTypes: ['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/mpeg'], maxBytes: 10 * 1024 * 1024 },
  video: { contentTypes: ['video/webm', 'video/mp4'], maxBytes: 25 * 1024 * 1024 },
  file: { contentTypes: ['application/pdf'], maxBytes: 10 * 1024 * 1024 },
};

/** The kind of message a chat upload of this content type makes, if any. */
export function chatKindOf(contentType: string): Exclude<MessageKind, 'text'> | undefined {
  const bare = contentType.split(';')[0]!.trim().toLowerCase();
  return (Object.keys(chatMediaRules) as Exclude<MessageKind, 'text'>[]).find((kind) =>
    chatMediaRules[kind].contentTypes.includes(bare),
  );
}

export const MESSAGE_TEXT_MAX = 4000;
/** Longest voice note or video clip, in milliseconds. */
export const MEDIA_DURATION_MAX_MS = 10 * 60_000;

const ClientId = trimmedText(8, 100, { min: 'Give the message a client id of at least 8 characters' });
const Caption = z.string().max(MESSAGE_TEXT_MAX, `Keep a message under ${MESSAGE_TEXT_MAX} characters`);
/** Length of a voice note or video clip, as the recorder measured it. */
const DurationMs = z.number().int().min(0).max(MEDIA_DURATION_MAX_MS);

/**
 * A message to post, by kind: text (non-blank), or a file uploaded first with
 * purpose `chat-media` (with an optional caption; voice notes and video clips
 * with their length).
 */
const messageVariants = [
  z.object({
    clientId: ClientId,
    kind: z.literal('text'),
    text: trimmedText(1, MESSAGE_TEXT_MAX, {
      min: 'Write a message',
      max: `Keep a message under ${MESSAGE_TEXT_MAX} characters`,
    }),
  }),
  z.object({ clientId: ClientId, kind: z.enum(['image', 'file']), fileId: Id, text: Caption.optional() }),
  z.object({
    clientId: ClientId,
    kind: z.enum(['audio', 'video']),
    fileId: Id,
    text: Caption.optional(),
    durationMs: DurationMs.optional(),
  }),
] as const;

export const SendMessageRequest = z
  .discriminatedUnion('kind', [...messageVariants], { message: 'Use text, image, audio, video or file' })
  .meta({ id: 'SendMessageRequest' });
export type SendMessageRequest = z.input<typeof SendMessageRequest>;

/** `message:send` over the socket: the same message, naming its conversation. */
export const SocketSendMessage = z.discriminatedUnion(
  'kind',
  [
    messageVariants[0].extend({ conversationId: Id }),
    messageVariants[1].extend({ conversationId: Id }),
    messageVariants[2].extend({ conversationId: Id }),
  ],
  { message: 'Use text, image, audio, video or file' },
);
export type SocketSendMessage = z.input<typeof SocketSendMessage>;

export const MessageMedia = z.object({
  fileId: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  durationMs: z.number().int().optional(),
  fileName: z.string().optional(),
});

export const Message = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    seq: z.number().int(),
    senderId: z.string(),
    kind: MessageKind,
    text: z.string().optional(),
    media: MessageMedia.optional(),
    clientId: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof Message>;
export const MessageResponse = z.object({ message: Message }).meta({ id: 'MessageResponse' });

export const OpenConversationRequest = z
  .object({ appointmentId: trimmedText(1, 100, { min: 'Choose the appointment' }) })
  .meta({ id: 'OpenConversationRequest' });

const Party = z.object({ id: z.string(), name: z.string() });

export const Conversation = z
  .object({
    id: z.string(),
    patient: Party,
    doctor: Party,
    lastMessage: Message.optional(),
    /** The caller's unread messages in it. */
    unreadCount: z.number().int(),
    canPost: z.boolean(),
    /** Why posting is closed, when it is. */
    readOnlyReason: z.string().optional(),
    /** Until when posting stays open, when that is known (14 days after the last completed consultation). */
    openUntil: z.string().optional(),
    lastActivityAt: z.string(),
    /** How far the other participant has received and read (seq; 0 for nothing): in one conversation, not in lists. */
    peerDeliveredUpTo: z.number().int().optional(),
    peerReadUpTo: z.number().int().optional(),
    /** How far the caller has read. */
    readUpTo: z.number().int(),
    /** The other participant's presence, when known. */
    peerOnline: z.boolean(),
    peerLastSeenAt: z.string().optional(),
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof Conversation>;
export const ConversationResponse = z.object({ conversation: Conversation }).meta({ id: 'ConversationResponse' });

export const ConversationListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const ConversationList = z
  .object({
    items: z.array(Conversation),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    /** Unread messages across all the caller's conversations. */
    unreadTotal: z.number().int(),
  })
  .meta({ id: 'ConversationList' });
export type ConversationList = z.infer<typeof ConversationList>;

const Seq = z.coerce.number({ message: 'Give a message number' }).int('Give a whole number').min(0);
/** `after` pages forward from a seq (catching up), `before` back (older history); both: the messages between them. */
export const MessageListQuery = z.object({
  before: Seq.min(1).optional(),
  after: Seq.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** Search the conversation's text: the newest matches among the 500 messages before `before` (or the end), oldest first. */
  q: trimmedText(1, 100).optional(),
});
export const MessageList = z
  .object({
    items: z.array(Message),
    hasMore: z.boolean(),
    /** With `q`: where the search stopped; pass it as `before` to search further back (when `hasMore`). */
    searchedFrom: z.number().int().optional(),
  })
  .meta({ id: 'MessageList' });
export type MessageList = z.infer<typeof MessageList>;

export const MarkConversationReadRequest = z
  .object({ upToSeq: z.number({ message: 'Give the last message number read' }).int().min(0) })
  .meta({ id: 'MarkConversationReadRequest' });
export const ConversationReadResponse = z
  .object({ conversationId: z.string(), readUpTo: z.number().int() })
  .meta({ id: 'ConversationReadResponse' });

/** Socket events from the client besides `message:send`. */
export const SocketTyping = z.object({ conversationId: Id, isTyping: z.boolean() });
export const SocketConversationMark = z.object({ conversationId: Id, upToSeq: z.number().int().min(0) });

/** Names of the socket events (client -> server and server -> client). */
export const socketEvents = {
  messageSend: 'message:send',
  messageNew: 'message:new',
  typing: 'typing',
  conversationRead: 'conversation:read',
  conversationDelivered: 'conversation:delivered',
  presence: 'presence',
  notificationNew: 'notification:new',
} as const;
