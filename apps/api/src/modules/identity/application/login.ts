import { AppError } from '../../../platform/app-error.ts';
import { delayAfterAttempt, loginThrottleKey } from '../domain/login-throttle.ts';
import { isErased, loginBlocker, toPublicUser } from '../domain/user.ts';
import type { IdentityDeps } from './ports.ts';
import { startSession } from './sessions.ts';

const BAD_CREDENTIALS = 'E-mail or password is not right';

export function makeLogin(deps: IdentityDeps) {
  // Verifying against a real hash for unknown e-mails keeps the timing the same.
  const dummyHash = deps.hasher.hash('not-a-real-password-at-all');
  const delayAfter = (attempt: number) => delayAfterAttempt(attempt, deps.loginThrottlePolicy);

  return async function login(input: { email: string; password: string; clientIp: string }) {
    const throttleKey = loginThrottleKey(input.email, input.clientIp);
    // Reserved before the password is checked, so parallel guesses cannot all slip past one count.
    const wait = await deps.loginThrottle.reserve(throttleKey, delayAfter);
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `Too many failed logins. Try again in ${wait} seconds.`, {
        retryAfterSeconds: wait,
      });
    }
    const user = await deps.users.findByEmail(input.email);
    const ok = await deps.hasher.verify(user?.passwordHash ?? (await dummyHash), input.password);
    if (!user || !ok || isErased(user)) throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
    await deps.loginThrottle.reset(throttleKey);
    const blocker = loginBlocker(user);
    if (blocker === 'ACCOUNT_BLOCKED') throw new AppError(blocker, 'This account is blocked. Contact support.');
    if (blocker === 'EMAIL_NOT_VERIFIED') throw new AppError(blocker, 'Verify your e-mail address before logging in.');
    const session = await startSession(deps, user);
    return { ...session, user: toPublicUser(user) };
  };
}
