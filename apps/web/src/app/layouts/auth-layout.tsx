import { Outlet } from 'react-router';
import { CenteredPage } from './centered-page';

/** The frame around the sign-up, log-in and password pages. */
export function AuthLayout() {
  return (
    <CenteredPage>
      <Outlet />
    </CenteredPage>
  );
}
