import { DeleteAccountRequest, EXPORT_CONTENT_TYPE } from '@doctime/contracts';
import { Router, type RequestHandler } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { PrivacyUseCases } from '../application/use-cases.ts';

export interface PrivacyLimits {
  /** Per user: an export reads everything the person has. */
  export: RequestHandler;
  /** Per user: each deletion request checks a password. */
  deletion: RequestHandler;
}

export function privacyRouter(useCases: PrivacyUseCases, guards: AuthGuards, limits: PrivacyLimits): Router {
  const router = Router();

  router.get('/me/export', guards.requireUser, limits.export, async (_req, res) => {
    const { fileName, content } = await useCases.exportMyData(callerOf(res));
    res.type(EXPORT_CONTENT_TYPE).attachment(fileName).send(Buffer.from(content));
  });

  router.delete('/me', guards.requireUser, limits.deletion, async (req, res) => {
    const { password } = parseWith(DeleteAccountRequest, req.body);
    await useCases.deleteMyAccount(callerOf(res), { password });
    res.json({ ok: true });
  });

  return router;
}
