import { useCurrentUser } from '../../lib/auth';
import { AdminLayout } from './admin-layout';
import { DoctorLayout } from './doctor-layout';
import { PatientLayout } from './patient-layout';

/** The signed-in user's own frame, for pages every role has (Account). */
export function RoleLayout() {
  const { role } = useCurrentUser();
  if (role === 'admin') return <AdminLayout />;
  if (role === 'doctor') return <DoctorLayout />;
  return <PatientLayout />;
}
