import {
  AdminUserQuery,
  ChangePasswordRequest,
  EmailOnlyRequest,
  LoginRequest,
  REFRESH_COOKIE,
  RegisterRequest,
  ResetPasswordRequest,
  VerifyEmailRequest,
} from '@doctime/contracts';
import { Router, type CookieOptions, type RequestHandler, type Response } from 'express';
import { callerOf, type AuthGuards } from '../../../platform/http/auth.middleware.ts';
import { parseWith } from '../../../platform/http/validate.ts';
import type { IdentityUseCases } from '../application/use-cases.ts';

export interface IdentityLimits {
  login: RequestHandler;
  /** Its own budget, so a busy shared address never logs anyone out. */
  refresh: RequestHandler;
  register: RequestHandler;
  code: RequestHandler;
}

export function identityRouter(
  useCases: IdentityUseCases,
  guards: AuthGuards,
  limits: IdentityLimits,
  cookie: { secure: boolean },
  onBackgroundError: (err: unknown) => void,
): Router {
  const router = Router();
  const cookieOptions: CookieOptions = { httpOnly: true, sameSite: 'strict', secure: cookie.secure, path: '/api/v1/auth' };
  const setRefreshCookie = (res: Response, token: string, expires: Date) =>
    res.cookie(REFRESH_COOKIE, token, { ...cookieOptions, expires });
  const refreshCookieOf = (cookies: unknown) => (cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE];
  // Answer 202 before the work so response timing says nothing about whether the account exists.
  const inBackground = (work: Promise<void>) => void work.catch(onBackgroundError);

  router.post('/auth/register', limits.register, async (req, res) => {
    const user = await useCases.register(parseWith(RegisterRequest, req.body));
    res.status(201).json({ user });
  });

  router.post('/auth/verify-email', limits.code, async (req, res) => {
    await useCases.verifyEmail(parseWith(VerifyEmailRequest, req.body));
    res.json({ ok: true });
  });

  router.post('/auth/resend-verification', limits.code, async (req, res) => {
    inBackground(useCases.resendVerification(parseWith(EmailOnlyRequest, req.body)));
    res.status(202).json({ ok: true });
  });

  router.post('/auth/login', limits.login, async (req, res) => {
    const result = await useCases.login({ ...parseWith(LoginRequest, req.body), clientIp: req.ip ?? 'unknown' });
    setRefreshCookie(res, result.refreshToken, result.refreshExpiresAt);
    res.json({ accessToken: result.accessToken, user: result.user });
  });

  router.post('/auth/refresh', limits.refresh, async (req, res) => {
    try {
      const result = await useCases.refresh(refreshCookieOf(req.cookies));
      setRefreshCookie(res, result.refreshToken, result.refreshExpiresAt);
      res.json({ accessToken: result.accessToken });
    } catch (error) {
      res.clearCookie(REFRESH_COOKIE, cookieOptions);
      throw error;
    }
  });

  router.post('/auth/logout', async (req, res) => {
    await useCases.logout({ refreshToken: refreshCookieOf(req.cookies) });
    res.clearCookie(REFRESH_COOKIE, cookieOptions);
    res.status(204).end();
  });

  router.post('/auth/forgot-password', limits.code, async (req, res) => {
    inBackground(useCases.forgotPassword(parseWith(EmailOnlyRequest, req.body)));
    res.status(202).json({ ok: true });
  });

  router.post('/auth/reset-password', limits.code, async (req, res) => {
    await useCases.resetPassword(parseWith(ResetPasswordRequest, req.body));
    res.clearCookie(REFRESH_COOKIE, cookieOptions);
    res.json({ ok: true });
  });

  router.post('/auth/change-password', guards.requireUser, async (req, res) => {
    const caller = callerOf(res);
    const body = parseWith(ChangePasswordRequest, req.body);
    await useCases.changePassword({ ...body, userId: caller.userId, sessionId: caller.sessionId });
    res.json({ ok: true });
  });

  router.get('/me', guards.requireUser, async (_req, res) => {
    res.json({ user: await useCases.getMe(callerOf(res).userId) });
  });

  router.get('/admin/users', guards.requireRole('admin'), async (req, res) => {
    res.json(await useCases.listUsers(parseWith(AdminUserQuery, req.query)));
  });

  return router;
}
