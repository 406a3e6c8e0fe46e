import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { EffectHandler } from '../../platform/outbox/outbox.ts';
import type { RealtimePush } from '../../platform/realtime/realtime.ts';
import type { FieldCipher } from '../../platform/security/field-cipher.ts';
import type { OutgoingNotification } from '../../platform/side-effect.ts';
import { makeNotificationsUseCases } from './application/use-cases.ts';
import { notificationsRouter } from './http/notifications.routes.ts';
import { makeMongoNotificationRepository } from './infrastructure/mongo-notification.repository.ts';

/**
 * Wires the notification centre: each user's notifications and what they have
 * read. Other modules notify through the outbox (`notificationEffect` in
 * platform/side-effect.ts); this module's handler stores each one once and
 * pushes it to the user's open tabs. Titles and bodies are sealed at rest.
 */
export function makeNotificationsModule(
  db: Db,
  cipher: FieldCipher,
  deps: { push: RealtimePush; clock: { now(): Date }; newId(): string },
  guards: AuthGuards,
) {
  const { protectedStore, ...store } = makeMongoNotificationRepository(db, cipher);
  const useCases = makeNotificationsUseCases({ ...store, ...deps });
  const deliver: EffectHandler = (payload, { entryId }) => {
    const notification = payload as unknown as OutgoingNotification;
    return useCases.deliverNotification(notification, notification.key ?? entryId);
  };
  return {
    useCases,
    router: notificationsRouter(useCases, guards),
    effectHandlers: { notification: deliver } as Record<string, EffectHandler>,
    protectedStores: [protectedStore],
  };
}
