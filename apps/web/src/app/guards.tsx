import type { Role } from '@doctime/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../lib/auth';
import { pathOf, readRedirectState } from '../lib/redirect-state';
import { loginPathFor, postLoginPath } from '../lib/roles';
import { AccessDeniedPage } from './pages/access-denied-page';

/** Signed-out visitors go to the sign-in page (remembering where they were going). */
export function RequireUser({ children, loginPath = '/login' }: { children: ReactNode; loginPath?: string }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) return <Navigate to={loginPath} replace state={{ from: pathOf(location) }} />;
  return children;
}

/** Like RequireUser, and someone signed in with another role sees "Access denied". */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { user } = useAuth();
  return <RequireUser loginPath={loginPathFor(role)}>{user && user.role !== role ? <AccessDeniedPage /> : children}</RequireUser>;
}

/** Pages for signed-out visitors (log in, sign up): a signed-in user goes to their dashboard. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user) return <Navigate to={postLoginPath(user.role, readRedirectState(location).from)} replace />;
  return children;
}
