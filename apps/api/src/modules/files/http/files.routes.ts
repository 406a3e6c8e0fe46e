import { CreateUploadRequest, Id } from '@doctime/contracts';
import { Router } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { FilesUseCases } from '../application/use-cases.ts';

export function filesRouter(useCases: FilesUseCases, guards: AuthGuards): Router {
  const router = Router();

  router.post('/uploads', guards.requireUser, async (req, res) => {
    const body = parseWith(CreateUploadRequest, req.body);
    res.status(201).json(await useCases.createUpload({ ...body, caller: callerOf(res) }));
  });

  router.get('/files/:id/url', guards.requireUser, async (req, res) => {
    res.json(await useCases.getOwnFileUrl(parseWith(Id, req.params['id']), callerOf(res)));
  });

  return router;
}
