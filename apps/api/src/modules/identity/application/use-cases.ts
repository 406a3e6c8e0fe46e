import { makeAuthenticate } from './authenticate.ts';
import { makeChangePassword } from './change-password.ts';
import { makeCreateAdmin } from './create-admin.ts';
import { makeEraseAccount, makeFinishAccountErasure } from './erase-account.ts';
import { makeExportAccount } from './export-account.ts';
import { makeGetMe } from './get-me.ts';
import { makeListUsers } from './list-users.ts';
import { makeLogin } from './login.ts';
import { makeLogout } from './logout.ts';
import { makeForgotPassword, makeResetPassword } from './password-reset.ts';
import type { IdentityDeps } from './ports.ts';
import { makePurgeExpired } from './purge-expired.ts';
import { makeRefresh } from './refresh.ts';
import { makeRegister } from './register.ts';
import { makeResendVerification, makeVerifyEmail } from './verify-email.ts';
import { makeFindAccount, makeFindNames, makeSetBlocked } from './set-blocked.ts';

/** Every identity use case, built from its ports. */
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
    setBlocked: makeSetBlocked(deps),
    findNames: makeFindNames(deps),
    findAccount: makeFindAccount(deps),
    purgeExpired: makePurgeExpired(deps),
    exportAccount: makeExportAccount(deps),
    eraseAccount: makeEraseAccount(deps),
    finishAccountErasure: makeFinishAccountErasure(deps),
  };
}
export type IdentityUseCases = ReturnType<typeof makeIdentityUseCases>;
