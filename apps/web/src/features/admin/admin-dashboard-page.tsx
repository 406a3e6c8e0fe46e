import { Button, SimpleGrid } from '@mantine/core';
import { IconHistory, IconShieldCheck, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { FeatureCard } from '../../components/feature-card';
import { PageTitle } from '../../components/page-title';
import { useCurrentUser } from '../../lib/auth';

export function AdminDashboardPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageTitle description="Keep DocTime honest and safe.">{`Welcome, ${user.name}`}</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        <FeatureCard
          icon={<IconShieldCheck size={22} />}
          title="Doctor verification"
          footer={
            <Button component={Link} to="/admin/kyc" variant="light" size="sm">
              Review submissions
            </Button>
          }
        >
          Approve or reject doctors&apos; registration and licence documents.
        </FeatureCard>
        <FeatureCard
          icon={<IconUsers size={22} />}
          title="People"
          color="blue"
          footer={
            <Button component={Link} to="/admin/users" variant="light" size="sm" color="blue">
              Manage people
            </Button>
          }
        >
          Search patients and doctors, and block or unblock accounts.
        </FeatureCard>
        <FeatureCard
          icon={<IconHistory size={22} />}
          title="Activity"
          color="gray"
          footer={
            <Button component={Link} to="/admin/audit-log" variant="light" size="sm" color="gray">
              Read the history
            </Button>
          }
        >
          Every decision and every access to health data is recorded.
        </FeatureCard>
      </SimpleGrid>
    </>
  );
}
