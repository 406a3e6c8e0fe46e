import { DoctorSearchQuery, Id, SubmitKycRequest, UpdateDoctorProfileRequest } from '@doctime/contracts';
import { Router, type RequestHandler } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { DoctorsUseCases } from '../application/use-cases.ts';

export interface DoctorsLimits {
  /** Per IP; a search with `availableOn` costs more (every doctor's hours are checked against that day). */
  search: RequestHandler;
}

export function doctorsRouter(useCases: DoctorsUseCases, guards: AuthGuards, limits: DoctorsLimits): Router {
  const router = Router();
  const doctorOnly = guards.requireRole('doctor');

  router.get('/specialties', async (_req, res) => {
    res.json({ items: await useCases.listSpecialties() });
  });

  router.get('/doctors/me', doctorOnly, async (_req, res) => {
    res.json({ doctor: await useCases.getOwnDoctor(callerOf(res).userId) });
  });

  router.put('/doctors/me/profile', doctorOnly, async (req, res) => {
    const profile = parseWith(UpdateDoctorProfileRequest, req.body);
    res.json({ doctor: await useCases.updateProfile(callerOf(res).userId, profile) });
  });

  router.put('/doctors/me/kyc', doctorOnly, async (req, res) => {
    const kyc = parseWith(SubmitKycRequest, req.body);
    res.json({ doctor: await useCases.submitKyc(callerOf(res).userId, kyc) });
  });

  router.get('/doctors', limits.search, async (req, res) => {
    res.json(await useCases.searchDoctors(parseWith(DoctorSearchQuery, req.query)));
  });

  router.get('/doctors/:id', async (req, res) => {
    res.json({ doctor: await useCases.getPublicDoctor(parseWith(Id, req.params['id'])) });
  });

  return router;
}
