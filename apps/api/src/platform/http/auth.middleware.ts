import type { Role } from '@doctime/contracts';
import type { RequestHandler, Response } from 'express';
import { AppError } from '../app-error.ts';

export interface Caller {
  userId: string;
  role: Role;
  sessionId: string;
}

export type Authenticate = (accessToken: string | undefined) => Promise<Caller>;

function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer ([^\s]+)$/i.exec(header) : null;
  return match?.[1];
}

/** Guards built from the identity module's authenticate use case. */
export function makeAuthGuards(authenticate: Authenticate) {
  const requireUser: RequestHandler = async (req, res, next) => {
    res.locals['caller'] = await authenticate(bearerToken(req.headers.authorization));
    next();
  };
  const requireRole =
    (...allowed: Role[]): RequestHandler =>
    async (req, res, next) => {
      const caller = await authenticate(bearerToken(req.headers.authorization));
      if (!allowed.includes(caller.role)) throw new AppError('FORBIDDEN', 'You do not have access to this.');
      res.locals['caller'] = caller;
      next();
    };
  return { requireUser, requireRole };
}

export type AuthGuards = ReturnType<typeof makeAuthGuards>;

export function callerOf(res: Response): Caller {
  const caller = res.locals['caller'] as Caller | undefined;
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Log in to continue.');
  return caller;
}
