import { ComingSoonCard } from '../../components/coming-soon-card';
import { PageTitle } from '../../components/page-title';

export function UsersPage() {
  return (
    <>
      <PageTitle description="Patients and doctors on DocTime.">Users</PageTitle>
      <ComingSoonCard title="User management">
        Soon you will search patients and doctors, view their details, and block or unblock accounts.
      </ComingSoonCard>
    </>
  );
}
