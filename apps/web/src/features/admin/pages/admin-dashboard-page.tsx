import { Button, SimpleGrid, Stack } from '@mantine/core';
import { IconHistory, IconShieldCheck, IconStethoscope, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { FeatureCard } from '../../../components/feature-card';
import { PageTitle } from '../../../components/page-title';
import { useCurrentUser } from '../../../lib/auth';
import { useAdminUsers } from '../api/use-admin-users';
import { useKycQueue } from '../api/use-kyc-queue';
import { StatCard } from '../components/stat-card';

// What each card counts and where its link leads; the numbers come from the queries in the page.
const CARDS = [
  {
    key: 'kyc',
    label: 'Pending KYC',
    icon: <IconShieldCheck size={24} />,
    color: 'yellow',
    to: '/admin/kyc',
    linkLabel: 'Review applications',
  },
  {
    key: 'patients',
    label: 'Patients',
    icon: <IconUsers size={24} />,
    color: 'blue',
    to: '/admin/users?role=patient',
    linkLabel: 'See patients',
  },
  {
    key: 'doctors',
    label: 'Doctors',
    icon: <IconStethoscope size={24} />,
    to: '/admin/users?role=doctor',
    linkLabel: 'See doctors',
  },
] as const;

type Count = { value: number | undefined; query: { isPending: boolean; isError: boolean } };

export function AdminDashboardPage() {
  const user = useCurrentUser();
  // limit=1: only the totals are wanted.
  const queue = useKycQueue({ status: 'pending', page: 1, limit: 1 });
  const patients = useAdminUsers({ role: 'patient', page: 1, limit: 1 });
  const doctors = useAdminUsers({ role: 'doctor', page: 1, limit: 1 });
  const counts: Record<(typeof CARDS)[number]['key'], Count> = {
    kyc: { value: queue.data ? (queue.data.counts.pending ?? queue.data.total) : undefined, query: queue },
    patients: { value: patients.data?.total, query: patients },
    doctors: { value: doctors.data?.total, query: doctors },
  };

  return (
    <>
      <PageTitle description="Keep DocTime honest and safe.">{`Welcome, ${user.name}`}</PageTitle>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
          {CARDS.map(({ key, ...card }) => {
            const { value, query } = counts[key];
            return <StatCard key={key} {...card} value={value} loading={query.isPending} failed={query.isError} />;
          })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <FeatureCard
            icon={<IconShieldCheck size={22} />}
            title="Doctor verification"
            footer={
              <Button component={Link} to="/admin/kyc" variant="light" size="sm">
                Open the KYC queue
              </Button>
            }
          >
            Check doctors&apos; registration and licence documents, then approve, reject or ask for resubmission.
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
            Every verification decision and every block is recorded with who, when and why.
          </FeatureCard>
        </SimpleGrid>
      </Stack>
    </>
  );
}
