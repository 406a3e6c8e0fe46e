import { ComingSoonCard } from '../../components/coming-soon-card';
import { PageTitle } from '../../components/page-title';

export function FindDoctorPage() {
  return (
    <>
      <PageTitle description="Search verified doctors by name, specialty, language and fee.">Find a doctor</PageTitle>
      <ComingSoonCard title="Doctor search">
        Soon you will be able to search verified doctors, compare fees and experience, and book a free slot in your
        own time zone.
      </ComingSoonCard>
    </>
  );
}
