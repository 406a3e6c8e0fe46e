import { UpdateMedicalProfileRequest } from '@doctime/contracts';
import { Router } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { PatientsUseCases } from '../application/use-cases.ts';

export function patientsRouter(useCases: PatientsUseCases, guards: AuthGuards): Router {
  const router = Router();
  const patientOnly = guards.requireRole('patient');

  router.get('/patients/me/profile', patientOnly, async (_req, res) => {
    res.json({ profile: await useCases.getMedicalProfile(callerOf(res).userId) });
  });

  router.put('/patients/me/profile', patientOnly, async (req, res) => {
    const changes = parseWith(UpdateMedicalProfileRequest, req.body);
    res.json({ profile: await useCases.updateMedicalProfile(callerOf(res).userId, changes) });
  });

  return router;
}
