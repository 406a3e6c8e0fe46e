import { Button, SimpleGrid } from '@mantine/core';
import { IconSearch, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { FeatureCard } from '../../../components/feature-card';
import { PageTitle } from '../../../components/page-title';
import { useCurrentUser } from '../../../lib/auth';
import { browserTimeZone } from '../../../lib/time-zones';
import { NextAppointmentCard } from '../components/next-appointment-card';
import { PATIENT_ROUTES } from '../routes';

export function PatientDashboardPage() {
  const user = useCurrentUser();
  const [timeZone] = useState(browserTimeZone);
  return (
    <>
      <PageTitle description="Your health, on your schedule.">{`Welcome, ${user.name}`}</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        <NextAppointmentCard timeZone={timeZone} />
        <FeatureCard
          icon={<IconSearch size={22} />}
          title="Book a consultation"
          footer={
            <Button component={Link} to={PATIENT_ROUTES.findDoctor} variant="light" size="sm">
              Browse doctors
            </Button>
          }
        >
          Search verified doctors by specialty, language and fee, and pick a free slot.
        </FeatureCard>
        <FeatureCard icon={<IconVideo size={22} />} title="Chat and video" color="blue">
          When it is time for a consultation, you will join the video call and chat with your doctor from here.
        </FeatureCard>
      </SimpleGrid>
    </>
  );
}
