import type { Role } from '@doctime/contracts';

const HOME: Record<Role, string> = { patient: '/patient', doctor: '/doctor', admin: '/admin' };

export const ACCOUNT_PATH = '/account';

/** Each role's dashboard. */
export function homePathFor(role: Role): string {
  return HOME[role];
}

/** Where a signed-out visitor of a protected page is sent to sign in. */
export function loginPathFor(role: Role): string {
  return role === 'admin' ? '/admin/login' : '/login';
}

/** Where to land after logging out. */
export function afterLogoutPathFor(role: Role): string {
  return role === 'admin' ? '/admin/login' : '/';
}

/** True when `path` is a page this role may open. */
export function canVisit(role: Role, path: string): boolean {
  const home = HOME[role];
  return path === home || path.startsWith(`${home}/`) || path === ACCOUNT_PATH;
}

/**
 * After signing in: back to the page the user was sent away from when that
 * page is theirs to see, otherwise to their dashboard.
 */
export function postLoginPath(role: Role, from: string | undefined): string {
  if (from && !from.startsWith('/admin/login') && canVisit(role, from.split(/[?#]/)[0] ?? '')) return from;
  return homePathFor(role);
}
