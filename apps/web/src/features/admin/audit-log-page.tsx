import { ComingSoonCard } from '../../components/coming-soon-card';
import { PageTitle } from '../../components/page-title';

export function AuditLogPage() {
  return (
    <>
      <PageTitle description="Who did what, and when.">Audit log</PageTitle>
      <ComingSoonCard title="Audit trail">
        Soon you will read and filter the log of every administrative decision and every access to health data.
      </ComingSoonCard>
    </>
  );
}
