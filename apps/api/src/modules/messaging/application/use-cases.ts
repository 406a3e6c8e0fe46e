import { makeAnnouncePresence } from './announce-presence.ts';
import { makeCanViewMedia } from './can-view-media.ts';
import { makeDeliverMessage } from './deliver-message.ts';
import { makeGetConversation } from './get-conversation.ts';
import { makeLearnAppointment } from './learn-appointment.ts';
import { makeLearnPushedMessage } from './learn-pushed-message.ts';
import { makeListConversations } from './list-conversations.ts';
import { makeListMessages } from './list-messages.ts';
import { makeMarkDelivered } from './mark-delivered.ts';
import { makeMarkRead } from './mark-read.ts';
import { makeOpenConversation } from './open-conversation.ts';
import { makeErasePatientMessages, makeExportPatientMessages } from './patient-messages.ts';
import type { MessagingDeps } from './ports.ts';
import { makeRelayTyping } from './relay-typing.ts';
import { makeSendMessage } from './send-message.ts';
import { makeDecideUnreadMail } from './unread-mail.ts';

export function makeMessagingUseCases(deps: MessagingDeps) {
  return {
    openConversation: makeOpenConversation(deps),
    listConversations: makeListConversations(deps),
    getConversation: makeGetConversation(deps),
    listMessages: makeListMessages(deps),
    sendMessage: makeSendMessage(deps),
    markRead: makeMarkRead(deps),
    markDelivered: makeMarkDelivered(deps),
    relayTyping: makeRelayTyping(deps),
    canViewMedia: makeCanViewMedia(deps),
    announcePresence: makeAnnouncePresence(deps),
    /** A patient's data export and account deletion. */
    exportPatientMessages: makeExportPatientMessages(deps),
    erasePatientMessages: makeErasePatientMessages(deps),
    /** Outbox and scheduler deliveries. */
    learnAppointment: makeLearnAppointment(deps),
    deliverMessage: makeDeliverMessage(deps),
    decideUnreadMail: makeDecideUnreadMail(deps),
    /** Another process's push. */
    learnPushedMessage: makeLearnPushedMessage(deps),
  };
}
export type MessagingUseCases = ReturnType<typeof makeMessagingUseCases>;
