import { MarkNotificationsReadRequest, NotificationListQuery } from '@doctime/contracts';
import { Router } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { NotificationsUseCases } from '../application/use-cases.ts';

export function notificationsRouter(useCases: NotificationsUseCases, guards: AuthGuards): Router {
  const router = Router();

  router.get('/notifications', guards.requireUser, async (req, res) => {
    res.json(await useCases.listNotifications(callerOf(res).userId, parseWith(NotificationListQuery, req.query)));
  });

  router.post('/notifications/read', guards.requireUser, async (req, res) => {
    const { ids } = parseWith(MarkNotificationsReadRequest, req.body);
    res.json(await useCases.markNotificationsRead(callerOf(res).userId, ids));
  });

  return router;
}
