import { ComingSoonCard } from '../../../components/coming-soon-card';
import { PageTitle } from '../../../components/page-title';

export function DoctorAvailabilityPage() {
  return (
    <>
      <PageTitle description="When patients can book you.">Availability</PageTitle>
      <ComingSoonCard title="Weekly hours and days off">
        Soon you will set your working hours per weekday, slot length, breaks and date overrides, and preview the
        slots patients will see.
      </ComingSoonCard>
    </>
  );
}
