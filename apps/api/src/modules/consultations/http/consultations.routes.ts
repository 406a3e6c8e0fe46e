import { Id } from '@doctime/contracts';
import { Router } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { ConsultationsUseCases } from '../application/use-cases.ts';

/** Any signed-in user may ask; everyone but the appointment's patient and doctor gets 404 (admins too). */
export function consultationsRouter(useCases: ConsultationsUseCases, guards: AuthGuards): Router {
  const router = Router();

  router.post('/appointments/:id/video/join', guards.requireUser, async (req, res) => {
    res.json(await useCases.joinVideo(parseWith(Id, req.params['id']), callerOf(res)));
  });

  return router;
}
