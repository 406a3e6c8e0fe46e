import type { Location } from 'react-router';

/** Router state carried to the sign-in pages. */
export interface RedirectState {
  /** The path (with search and hash) the visitor was sent away from. */
  from?: string;
  /** An e-mail address to prefill. */
  email?: string;
}

export function readRedirectState(location: Location): RedirectState {
  const state: unknown = location.state;
  if (typeof state !== 'object' || state === null) return {};
  const { from, email } = state as Record<string, unknown>;
  return {
    ...(typeof from === 'string' ? { from } : {}),
    ...(typeof email === 'string' ? { email } : {}),
  };
}

export function pathOf(location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  return location.pathname + location.search + location.hash;
}
