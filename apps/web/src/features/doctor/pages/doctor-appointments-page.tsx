import { EmptyState } from '../../../components/empty-state';
import { PageTitle } from '../../../components/page-title';

export function DoctorAppointmentsPage() {
  return (
    <>
      <PageTitle description="Your schedule of consultations.">Appointments</PageTitle>
      <EmptyState title="No appointments yet">
        Once you are verified and have published your availability, booked consultations will appear here.
      </EmptyState>
    </>
  );
}
