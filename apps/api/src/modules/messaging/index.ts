import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { EffectHandler, Outbox } from '../../platform/outbox/outbox.ts';
import type { FieldCipher } from '../../platform/security/field-cipher.ts';
import type { AppointmentFacts, MessagingDeps } from './application/ports.ts';
import { MESSAGE_POSTED } from './application/send-message.ts';
import { UNREAD_MAIL, type UnreadCheck } from './application/unread-mail.ts';
import { makeMessagingUseCases } from './application/use-cases.ts';
import { messagingRouter } from './http/messaging.routes.ts';
import { messagingPushListeners, messagingSocketHandlers } from './http/messaging.socket.ts';
import { makeMongoConversationRepository } from './infrastructure/mongo-conversation.repository.ts';
import { makeMongoInboxStore, makeMongoPairStore } from './infrastructure/mongo-inbox.store.ts';
import { makeMongoMediaGrants } from './infrastructure/mongo-media-grants.ts';
import { makeMongoMessageLog } from './infrastructure/mongo-message-log.ts';

/** Wires messaging: conversations, their message logs, inboxes, chat media grants, socket events. */
export function makeMessagingModule(
  db: Db,
  outbox: Outbox,
  cipher: FieldCipher,
  adapters: Omit<MessagingDeps, 'conversations' | 'messages' | 'inboxes' | 'pairs' | 'grants'>,
  guards: AuthGuards,
) {
  const messages = makeMongoMessageLog(db, outbox, cipher);
  const useCases = makeMessagingUseCases({
    ...adapters,
    conversations: makeMongoConversationRepository(db),
    messages,
    inboxes: makeMongoInboxStore(db),
    pairs: makeMongoPairStore(db),
    grants: makeMongoMediaGrants(db),
  });
  const effectHandlers: Record<string, EffectHandler> = {
    [MESSAGE_POSTED]: (payload) => useCases.deliverMessage(payload as { conversationId: string; messageId: string }),
    // Every committed appointment version (appointments' `appointment.changed`, dates as ISO strings).
    'appointment.changed': async (payload) => {
      const facts = payload as unknown as AppointmentFacts & { start: string; end: string };
      await useCases.learnAppointment({ ...facts, start: new Date(facts.start), end: new Date(facts.end) });
    },
  };
  return {
    useCases,
    router: messagingRouter(useCases, guards),
    socketHandlers: messagingSocketHandlers(useCases),
    effectHandlers,
    protectedStores: [messages.protectedStore],
    /** What this process learns from other processes' pushes (decision 19). */
    heardElsewhere: messagingPushListeners(useCases),
    /** What the scheduler asks at a check's time. */
    scheduledHandlers: {
      [UNREAD_MAIL]: (payload: Record<string, unknown>) => useCases.decideUnreadMail(payload as unknown as UnreadCheck),
    },
  };
}
