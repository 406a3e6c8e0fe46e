import { z } from 'zod';
import { Id } from './common.ts';

export const notificationTypes = [
  'appointment.booked',
  'appointment.cancelled',
  'appointment.rescheduled',
  'appointment.reminder',
  'message.new',
  'prescription.issued',
  'kyc.decided',
] as const;
export const NotificationType = z.enum(notificationTypes);
export type NotificationType = z.infer<typeof NotificationType>;

export const Notification = z
  .object({
    id: z.string(),
    type: NotificationType,
    title: z.string(),
    body: z.string(),
    /** A path in the web app. */
    link: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.object({
  unreadOnly: z
    .enum(['true', 'false'], { message: 'Use true or false' })
    .optional()
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const NotificationList = z
  .object({
    items: z.array(Notification),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    /** The caller's unread notifications in total. */
    unread: z.number().int(),
  })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

export const MarkNotificationsReadRequest = z
  .object({ ids: z.array(Id).max(100, 'Mark at most 100 at once').optional() })
  .meta({ id: 'MarkNotificationsReadRequest' });
export const MarkNotificationsReadResponse = z.object({ unread: z.number().int() }).meta({ id: 'MarkNotificationsReadResponse' });
