import { CreateUploadRequest, Id } from '@doctime/contracts';
import { Router, type RequestHandler } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { FilesUseCases } from '../application/use-cases.ts';

export interface FilesLimits {
  /** Per user: each upload URL is a presign and a file record. */
  upload: RequestHandler;
}

export function filesRouter(useCases: FilesUseCases, guards: AuthGuards, limits: FilesLimits): Router {
  const router = Router();

  router.post('/uploads', guards.requireUser, limits.upload, async (req, res) => {
    const body = parseWith(CreateUploadRequest, req.body);
    res.status(201).json(await useCases.createUpload({ ...body, caller: callerOf(res) }));
  });

  router.get('/files/:id/url', guards.requireUser, async (req, res) => {
    res.json(await useCases.getOwnFileUrl(parseWith(Id, req.params['id']), callerOf(res)));
  });

  return router;
}
