import { Button, SimpleGrid } from '@mantine/core';
import { IconCalendarEvent, IconSearch, IconVideo } from '@tabler/icons-react';
import { Link } from 'react-router';
import { FeatureCard } from '../../../components/feature-card';
import { PageTitle } from '../../../components/page-title';
import { useCurrentUser } from '../../../lib/auth';

export function PatientDashboardPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageTitle description="Your health, on your schedule.">{`Welcome, ${user.name}`}</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        <FeatureCard
          icon={<IconSearch size={22} />}
          title="Book a consultation"
          footer={
            <Button component={Link} to="/patient/doctors" variant="light" size="sm">
              Browse doctors
            </Button>
          }
        >
          Search verified doctors by specialty, language and fee, and pick a free slot.
        </FeatureCard>
        <FeatureCard
          icon={<IconCalendarEvent size={22} />}
          title="Upcoming consultations"
          footer={
            <Button component={Link} to="/patient/appointments" variant="light" size="sm">
              See bookings
            </Button>
          }
        >
          You have no upcoming consultations yet.
        </FeatureCard>
        <FeatureCard icon={<IconVideo size={22} />} title="Chat and video" color="blue">
          When it is time for a consultation, you will join the video call and chat with your doctor from here.
        </FeatureCard>
      </SimpleGrid>
    </>
  );
}
