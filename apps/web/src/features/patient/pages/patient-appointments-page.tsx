import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { PageTitle } from '../../../components/page-title';

export function PatientAppointmentsPage() {
  return (
    <>
      <PageTitle description="Upcoming and past consultations.">My appointments</PageTitle>
      <EmptyState
        title="No appointments yet"
        action={
          <Button component={Link} to="/patient/doctors">
            Browse doctors
          </Button>
        }
      >
        When you book a consultation it will appear here, with the time, your doctor and a button to join the call.
      </EmptyState>
    </>
  );
}
