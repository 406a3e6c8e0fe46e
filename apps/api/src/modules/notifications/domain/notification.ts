import type { NotificationType } from '@doctime/contracts';

/**
 * An entry of a user's notification log, stored once and never changed. Its
 * place in the log (`seq`) is its order; `uid` is the delivery that made it (a
 * redelivery appends nothing); `id` is a random token, so a notification's
 * public id (`<seq>-<id>`) names one entry of one log and cannot be guessed
 * from its place alone.
 */
export interface StoredNotification {
  uid: string;
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
}

export const publicIdOf = (seq: number, entry: Pick<StoredNotification, 'id'>) => `${seq}-${entry.id}`;

/** The seq and token a public id names, or null when it is not one (then it names nothing). */
export function parsePublicId(id: string): { seq: number; token: string } | null {
  const match = /^([1-9]\d{0,14})-(.+)$/.exec(id);
  return match ? { seq: Number(match[1]), token: match[2]! } : null;
}
