import { ComingSoonCard } from '../../components/coming-soon-card';
import { PageTitle } from '../../components/page-title';

export function DoctorProfilePage() {
  return (
    <>
      <PageTitle description="Your professional profile and licence verification.">Profile & KYC</PageTitle>
      <ComingSoonCard title="Professional profile and KYC">
        Soon you will enter your specialty, qualifications, languages and fee, and upload your registration and
        licence documents for review.
      </ComingSoonCard>
    </>
  );
}
