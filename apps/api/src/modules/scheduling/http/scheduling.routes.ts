import { AvailabilityRules, Id, SlotsPreviewQuery, SlotsQuery } from '@doctime/contracts';
import { Router, type RequestHandler } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { SchedulingUseCases } from '../application/use-cases.ts';

export interface SchedulingLimits {
  /** Per IP: each listing runs the slot engine. */
  slots: RequestHandler;
}

export function schedulingRouter(useCases: SchedulingUseCases, guards: AuthGuards, limits: SchedulingLimits): Router {
  const router = Router();
  const doctorOnly = guards.requireRole('doctor');

  router.put('/doctors/me/availability', doctorOnly, async (req, res) => {
    const rules = parseWith(AvailabilityRules, req.body);
    res.json(await useCases.setAvailability(callerOf(res).userId, rules));
  });

  router.get('/doctors/me/availability', doctorOnly, async (_req, res) => {
    res.json(await useCases.getAvailability(callerOf(res).userId));
  });

  router.get('/doctors/me/availability/preview', doctorOnly, async (req, res) => {
    res.json(await useCases.previewSlots(callerOf(res).userId, parseWith(SlotsPreviewQuery, req.query).days));
  });

  router.get('/doctors/:id/slots', limits.slots, async (req, res) => {
    const query = parseWith(SlotsQuery, req.query);
    res.json(await useCases.listSlots({ doctorId: parseWith(Id, req.params['id']), ...query }));
  });

  return router;
}
