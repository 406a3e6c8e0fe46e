import { ComingSoonCard } from '../../components/coming-soon-card';
import { PageTitle } from '../../components/page-title';

export function KycQueuePage() {
  return (
    <>
      <PageTitle description="Doctors waiting for verification.">KYC queue</PageTitle>
      <ComingSoonCard title="Submitted KYC">
        Soon you will review doctors' registration numbers and documents through short-lived links, and approve, reject or ask for resubmission.
      </ComingSoonCard>
    </>
  );
}
