import { AuditLogQuery, BlockUserRequest, Id, KycDecisionRequest, KycQueueQuery } from '@doctime/contracts';
import { Router, type Request } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { AdminUseCases } from '../application/use-cases.ts';

/** Reads the KYC queue straight from the doctors module (a submission's details go through `viewKycDetails`: audited). */
export interface KycReads {
  kycQueue(input: { status: string; page: number; limit: number }): Promise<unknown>;
}

export function adminRouter(useCases: AdminUseCases, kyc: KycReads, guards: AuthGuards): Router {
  const router = Router();
  router.use('/admin', guards.requireRole('admin'));
  const actor = (req: Request, userId: string) => ({ userId, ip: req.ip });

  router.get('/admin/kyc', async (req, res) => {
    res.json(await kyc.kycQueue(parseWith(KycQueueQuery, req.query)));
  });

  router.get('/admin/doctors/:id/kyc', async (req, res) => {
    const doctorId = parseWith(Id, req.params['id']);
    res.json(await useCases.viewKycDetails(actor(req, callerOf(res).userId), doctorId));
  });

  router.post('/admin/doctors/:id/kyc/decision', async (req, res) => {
    const body = parseWith(KycDecisionRequest, req.body);
    const doctorId = parseWith(Id, req.params['id']);
    res.json({ doctor: await useCases.decideKyc(actor(req, callerOf(res).userId), { doctorId, ...body }) });
  });

  router.post('/admin/users/:id/block', async (req, res) => {
    const { reason } = parseWith(BlockUserRequest, req.body);
    const userId = parseWith(Id, req.params['id']);
    res.json({ user: await useCases.setUserBlocked(actor(req, callerOf(res).userId), userId, { reason }) });
  });

  router.post('/admin/users/:id/unblock', async (req, res) => {
    const userId = parseWith(Id, req.params['id']);
    res.json({ user: await useCases.setUserBlocked(actor(req, callerOf(res).userId), userId, null) });
  });

  router.get('/admin/audit-log', async (req, res) => {
    res.json(await useCases.listAuditLog(parseWith(AuditLogQuery, req.query)));
  });

  return router;
}
