import type { UploadPurpose } from '@doctime/contracts';
import type { OutgoingNotification, SideEffect } from '../../../platform/side-effect.ts';
import type { InboxChange, InboxState } from '../domain/inbox.ts';
import type { Conversation, Message, MessageMedia } from '../domain/message.ts';
import type { PairChange, PairState } from '../domain/posting-window.ts';

/**
 * Conversations are written once (insert-or-fail on the pair's id) and never
 * changed; erasing the patient's data marks one erased (insert-or-fail), and
 * an erased conversation is not found.
 */
export interface ConversationRepository {
  create(conversation: Conversation): Promise<'ok' | 'duplicate'>;
  findById(id: string, options?: { evenErased?: boolean }): Promise<Conversation | null>;
  isErased(id: string): Promise<boolean>;
  markErased(id: string): Promise<void>;
}

/**
 * Each conversation's messages, in `seq` order without gaps (a sequenced log):
 * a message is stored once however often its send is retried, and its effects
 * are delivered (by the outbox) for one call only, the one that claimed its id.
 */
export interface MessageLog {
  /**
   * Both options may settle while the append is under way, before the message itself is written:
   * `knownSeq`, a seq known stored, where a process that knows none as late looks for the end;
   * `admitted`, a last check, whose rejection stores nothing (the append rejects with it).
   */
  append(
    message: Omit<Message, 'seq'>,
    effects: SideEffect[],
    options?: { knownSeq?: Promise<number | undefined>; admitted?: Promise<void> },
  ): Promise<{ message: Message; created: boolean }>;
  tail(conversationId: string): Promise<number>;
  /** Learns of a message another process stored (a hint: this process's next append starts after it). */
  learnStored(conversationId: string, seq: number): void;
  /** Messages from..to (inclusive), oldest first. */
  range(conversationId: string, from: number, to: number): Promise<Message[]>;
  /** The message with that id, if it was stored. */
  findById(conversationId: string, messageId: string): Promise<Message | null>;
  /** Rewrites every message of the conversation without its text and file (account deletion). */
  erase(conversationId: string): Promise<void>;
}

/** Each user's inbox, a folded record: changes only raise its counters, so they may come in any order. */
export interface InboxStore {
  /** The inbox with every change committed before the call. */
  read(userId: string): Promise<InboxState>;
  /** The inbox as last written whole, in one read: it may miss changes in flight, so only for hints. */
  peek(userId: string): Promise<InboxState>;
  change(userId: string, change: InboxChange): Promise<InboxState>;
  /** Forgets what this process last knew of the inbox (another process is changing it). */
  forget(userId: string): void;
}

/** Each pair's appointments as messaging has learnt them (the highest version of each). */
export interface PairStore {
  /** What this process knows (it may be a few minutes behind). */
  peek(conversationId: string): Promise<PairState>;
  /** As stored now. */
  read(conversationId: string): Promise<PairState>;
  fold(conversationId: string, change: PairChange): Promise<PairState>;
}

/** Which conversation a chat file was sent in: taken once (insert-or-fail on the file id). */
export interface MediaGrants {
  grant(fileId: string, conversationId: string): Promise<'ok' | 'duplicate'>;
  find(fileId: string): Promise<string | null>;
}

/** What messaging needs to know of an appointment (from the appointments module). */
export interface AppointmentFacts {
  id: string;
  version: number;
  patientId: string;
  doctorId: string;
  status: PairChange['status'];
  start: Date;
  end: Date;
}

export interface MessagingDeps {
  conversations: ConversationRepository;
  messages: MessageLog;
  inboxes: InboxStore;
  pairs: PairStore;
  grants: MediaGrants;
  appointments: { findAppointmentFacts(id: string): Promise<AppointmentFacts | null> };
  users: {
    findNames(ids: string[]): Promise<Map<string, string>>;
    findAccount(id: string): Promise<{ id: string; name: string; email: string } | null>;
  };
  files: {
    attachFile(input: { fileId: string; ownerId: string; purpose: UploadPurpose; field: string }): Promise<MessageMedia>;
  };
  /** The live connection: an event to every open tab of some users (on any API process), and who is online. */
  realtime: {
    toUsers(userIds: readonly string[], event: string, payload: unknown): void;
    presence: { status(userIds: readonly string[]): Promise<Map<string, { online: boolean; lastSeenAt?: Date }>> };
  };
  /** Stores a notification once per key and pushes it to the user's tabs (the notifications module). */
  notify(notification: OutgoingNotification & { key: string }): Promise<void>;
  /** Effects decided at a later time, exactly once (platform/outbox/scheduled-effects.ts). */
  scheduler: { schedule(at: Date, type: string, payload: Record<string, unknown>, uid: string): Promise<void> };
  /**
   * The user's message budget: `spend` answers seconds to wait when it is used up, else null;
   * `refund` gives one back; `halfSpent` says whether the user had spent half of it when this
   * process last asked (a hint, other processes spend too).
   */
  messageBudget: {
    spend(userId: string): Promise<number | null>;
    refund(userId: string): Promise<void>;
    halfSpent(userId: string): boolean;
  };
  /** The conversation id of a patient-doctor pair: the same pair always gets the same id. */
  conversationIdFor(patientId: string, doctorId: string): string;
  /** A message's id from its conversation, sender and client id. */
  messageIdFor(conversationId: string, senderId: string, clientId: string): string;
  webOrigin: string;
  clock: { now(): Date };
}
