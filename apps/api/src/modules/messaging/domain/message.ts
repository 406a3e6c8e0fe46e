import type { MessageKind } from '@doctime/contracts';

export interface MessageMedia {
  fileId: string;
  contentType: string;
  size: number;
  durationMs?: number;
  fileName?: string;
}

/** A message as stored in its conversation's log: never changed once stored. */
export interface Message {
  /** Derived from (conversation, sender, clientId): a retry of the same send has the same id. */
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  kind: MessageKind;
  text?: string;
  media?: MessageMedia;
  clientId: string;
  createdAt: Date;
}

export interface Conversation {
  id: string;
  patientId: string;
  doctorId: string;
  createdAt: Date;
}

/** The other participant, or null when `userId` is not one of the two (answered as 404). */
export function peerOf(conversation: Conversation, userId: string): string | null {
  if (userId === conversation.patientId) return conversation.doctorId;
  if (userId === conversation.doctorId) return conversation.patientId;
  return null;
}

/** Case-insensitive search of a message's text and file name. */
export function matches(message: Message, query: string): boolean {
  const needle = query.toLocaleLowerCase();
  return [message.text, message.media?.fileName].some((s) => s?.toLocaleLowerCase().includes(needle));
}

/** How a notice names a message of each kind but text (it never quotes the message). */
export const KIND_NAMES: Record<Exclude<MessageKind, 'text'>, string> = {
  image: 'a photo',
  audio: 'a voice note',
  video: 'a video clip',
  file: 'a PDF',
};
