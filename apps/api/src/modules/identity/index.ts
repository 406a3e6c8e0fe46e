import type { Db } from 'mongodb';
import { makeAuthGuards, type AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { EffectHandler, Outbox } from '../../platform/outbox/outbox.ts';
import { ACCOUNT_ERASED } from './application/erase-account.ts';
import type { IdentityDeps } from './application/ports.ts';
import { makeIdentityUseCases } from './application/use-cases.ts';
import { identityRouter, type IdentityLimits } from './http/identity.routes.ts';
import { makeMongoOneTimeCodeRepository } from './infrastructure/mongo-one-time-code.repository.ts';
import { makeMongoSessionRepository } from './infrastructure/mongo-session.repository.ts';
import { makeMongoUserRepository } from './infrastructure/mongo-user.repository.ts';

type Adapters = Omit<IdentityDeps, 'users' | 'codes' | 'sessions'>;

/** Wires the identity module: its repositories, use cases, auth guards and router. */
export async function makeIdentityModule(
  db: Db,
  outbox: Outbox,
  adapters: Adapters,
  http: { limits: IdentityLimits; secureCookies: boolean; onBackgroundError: (err: unknown) => void },
) {
  // Account changes and code e-mails commit their side effects through the outbox.
  const users = makeMongoUserRepository(db, outbox);
  const sessions = makeMongoSessionRepository(db);
  const codes = makeMongoOneTimeCodeRepository(db, outbox);
  await Promise.all([users.ensureIndexes(), sessions.ensureIndexes(), codes.ensureIndexes()]);
  // Before serving: accounts and sessions stored before their keys and lists existed (once per database).
  await Promise.all([users.backfillEmailKeys(), sessions.backfillLists()]);
  const useCases = makeIdentityUseCases({ ...adapters, users, sessions, codes });
  const guards: AuthGuards = makeAuthGuards(useCases.authenticate);
  const router = identityRouter(useCases, guards, http.limits, { secure: http.secureCookies }, http.onBackgroundError);
  const effectHandlers: Record<string, EffectHandler> = {
    [ACCOUNT_ERASED]: ({ userId, email }) => useCases.finishAccountErasure({ userId: String(userId), email: String(email) }),
  };
  return { useCases, guards, router, effectHandlers, close: users.close };
}
