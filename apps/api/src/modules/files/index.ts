import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { FilesDeps } from './application/ports.ts';
import { makeFilesUseCases } from './application/use-cases.ts';
import { filesRouter, type FilesLimits } from './http/files.routes.ts';
import { makeMongoFileRepository } from './infrastructure/mongo-file.repository.ts';
import { makeMongoUploadQuotaRepository } from './infrastructure/mongo-upload-quota.repository.ts';

/** Wires the files module: upload records and quota, presigned URLs, attach checks, the unattached-upload sweeper. */
export async function makeFilesModule(
  db: Db,
  adapters: Omit<FilesDeps, 'files' | 'quota'>,
  guards: AuthGuards,
  limits: FilesLimits,
) {
  const files = makeMongoFileRepository(db);
  const quota = makeMongoUploadQuotaRepository(db);
  await Promise.all([files.ensureIndexes(), quota.ensureIndexes()]);
  const useCases = makeFilesUseCases({ ...adapters, files, quota });
  return { useCases, router: filesRouter(useCases, guards, limits) };
}
