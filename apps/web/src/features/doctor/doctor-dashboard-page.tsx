import { Badge, Button, SimpleGrid } from '@mantine/core';
import { IconCalendarEvent, IconClockHour4, IconId } from '@tabler/icons-react';
import { Link } from 'react-router';
import { FeatureCard } from '../../components/feature-card';
import { PageTitle } from '../../components/page-title';
import { useCurrentUser } from '../../lib/auth';

export function DoctorDashboardPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageTitle description="Run your online practice from here.">{`Welcome, ${user.name}`}</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        <FeatureCard
          icon={<IconId size={22} />}
          title="Verification"
          footer={
            <Button component={Link} to="/doctor/profile" variant="light" size="sm">
              Complete KYC
            </Button>
          }
        >
          Patients can find and book you once an administrator approves your registration and licence documents.{' '}
          <Badge variant="light" color="yellow" component="span">
            Not yet listed
          </Badge>
        </FeatureCard>
        <FeatureCard
          icon={<IconClockHour4 size={22} />}
          title="Working hours"
          footer={
            <Button component={Link} to="/doctor/availability" variant="light" size="sm">
              Set working hours
            </Button>
          }
        >
          Choose your weekly hours, slot length and days off.
        </FeatureCard>
        <FeatureCard
          icon={<IconCalendarEvent size={22} />}
          title="Today"
          footer={
            <Button component={Link} to="/doctor/appointments" variant="light" size="sm">
              Open schedule
            </Button>
          }
        >
          No consultations booked yet.
        </FeatureCard>
      </SimpleGrid>
    </>
  );
}
