import type { NotificationType } from '@doctime/contracts';
/**
 * Something to do once a change is committed: an e-mail, an audit entry, a
 * notification. Use cases hand effects to the repository that stores the
 * change; the outbox delivers each one (with retries) only after that change
 * has really been committed, so a failing mail server never fails a request.
 */
export interface SideEffect {
  type: string;
  payload: Record<string, unknown>;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export function emailEffect(mail: OutgoingMail): SideEffect {
  return { type: 'email', payload: { ...mail } };
}

/** An entry in a user's notification centre (delivered by the notifications module, pushed live over the socket). */
export interface OutgoingNotification {
  userId: string;
  type: NotificationType;
  title: string;
  body: string;
  /** A path in the web app, e.g. `/patient/appointments/<id>`. */
  link: string;
  /** Notifications of one user with the same key are stored once (e.g. one per burst of messages). */
  key?: string;
}

export function notificationEffect(notification: OutgoingNotification): SideEffect {
  return { type: 'notification', payload: { ...notification } };
}
