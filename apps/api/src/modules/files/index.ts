import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { FilesDeps } from './application/ports.ts';
import { makeFilesUseCases } from './application/use-cases.ts';
import { filesRouter } from './http/files.routes.ts';
import { makeMongoFileRepository } from './infrastructure/mongo-file.repository.ts';

/** Wires the files module: upload records, presigned URLs, attach checks. */
export async function makeFilesModule(db: Db, adapters: Omit<FilesDeps, 'files'>, guards: AuthGuards) {
  const files = makeMongoFileRepository(db);
  await files.ensureIndexes();
  const useCases = makeFilesUseCases({ ...adapters, files });
  return { useCases, router: filesRouter(useCases, guards) };
}
