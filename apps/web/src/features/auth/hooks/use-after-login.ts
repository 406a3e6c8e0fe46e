import type { User } from '@doctime/contracts';
import { useLocation, useNavigate } from 'react-router';
import { readRedirectState } from '../../../lib/redirect-state';
import { postLoginPath } from '../../../lib/roles';

/** Where a fresh session goes: back to the page that asked for it, else the role's home. */
export function useAfterLogin() {
  const navigate = useNavigate();
  const { from } = readRedirectState(useLocation());
  // replace: Back should not return to the log-in form.
  return (user: User) => void navigate(postLoginPath(user.role, from), { replace: true });
}
