import { useLocation, useSearchParams } from 'react-router';
import { readRedirectState } from '../../../lib/redirect-state';

/** The e-mail address handed over in `?email=` or in router state by the previous step. */
export function useEmailParam(): string {
  const [params] = useSearchParams();
  const location = useLocation();
  return params.get('email') ?? readRedirectState(location).email ?? '';
}

/** `path?email=…`: hands the address to the next step, which reads it with `useEmailParam`. */
export function withEmailParam(path: string, email: string): string {
  return `${path}?email=${encodeURIComponent(email)}`;
}
