import type { Db } from 'mongodb';
import { makeAuthGuards, type AuthGuards } from '../../platform/http/auth.middleware.ts';
import { makeAuthenticate } from './application/authenticate.ts';
import { makeChangePassword } from './application/change-password.ts';
import { makeCreateAdmin } from './application/create-admin.ts';
import { makeGetMe } from './application/get-me.ts';
import { makeListUsers } from './application/list-users.ts';
import { makeLogin } from './application/login.ts';
import { makeLogout } from './application/logout.ts';
import { makeForgotPassword, makeResetPassword } from './application/password-reset.ts';
import type { IdentityDeps } from './application/ports.ts';
import { makeRefresh } from './application/refresh.ts';
import { makeRegister } from './application/register.ts';
import { makeResendVerification, makeVerifyEmail } from './application/verify-email.ts';
import { identityRouter, type IdentityLimits } from './http/identity.routes.ts';
import { makeMongoOneTimeCodeRepository } from './infrastructure/mongo-one-time-code.repository.ts';
import { makeMongoSessionRepository } from './infrastructure/mongo-session.repository.ts';
import { makeMongoUserRepository } from './infrastructure/mongo-user.repository.ts';

export function makeIdentityUseCases(deps: IdentityDeps) {
  return {
    register: makeRegister(deps),
    verifyEmail: makeVerifyEmail(deps),
    resendVerification: makeResendVerification(deps),
    login: makeLogin(deps),
    refresh: makeRefresh(deps),
    logout: makeLogout(deps),
    forgotPassword: makeForgotPassword(deps),
    resetPassword: makeResetPassword(deps),
    changePassword: makeChangePassword(deps),
    getMe: makeGetMe(deps),
    authenticate: makeAuthenticate(deps),
    createAdmin: makeCreateAdmin(deps),
    listUsers: makeListUsers(deps),
  };
}
export type IdentityUseCases = ReturnType<typeof makeIdentityUseCases>;

type Adapters = Omit<IdentityDeps, 'users' | 'codes' | 'sessions'>;

/** Wires the identity module: its repositories, use cases, auth guards and router. */
export async function makeIdentityModule(
  db: Db,
  adapters: Adapters,
  http: { limits: IdentityLimits; secureCookies: boolean; onBackgroundError: (err: unknown) => void },
) {
  const users = makeMongoUserRepository(db);
  const sessions = makeMongoSessionRepository(db);
  await Promise.all([users.ensureIndexes(), sessions.ensureIndexes()]);
  const useCases = makeIdentityUseCases({ ...adapters, users, sessions, codes: makeMongoOneTimeCodeRepository(db) });
  const guards: AuthGuards = makeAuthGuards(useCases.authenticate);
  const router = identityRouter(useCases, guards, http.limits, { secure: http.secureCookies }, http.onBackgroundError);
  return { useCases, guards, router };
}
export type { IdentityLimits };
