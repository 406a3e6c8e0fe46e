import { toNotificationView } from './notification-view.ts';
import type { NotificationsDeps } from './ports.ts';

/** A patient's data export: every notification they were sent, oldest first. */
export function makeExportNotifications(deps: NotificationsDeps) {
  return async function exportNotifications(userId: string) {
    const [tail, reads] = await Promise.all([deps.log.tail(userId), deps.reads.read(userId)]);
    const seqs = Array.from({ length: tail }, (_, i) => i + 1);
    const entries = await deps.log.readSeqs(userId, seqs);
    return seqs.flatMap((seq, i) => (entries[i] ? [toNotificationView(seq, entries[i], reads)] : []));
  };
}

/** A patient's account deletion: their notifications lose title and body (they name doctors and times). Safe to repeat. */
export function makeEraseNotifications(deps: NotificationsDeps) {
  return (userId: string) => deps.log.eraseAll(userId);
}
