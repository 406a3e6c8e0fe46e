import { Button, SimpleGrid, Stack } from '@mantine/core';
import { IconHistory, IconShieldCheck, IconStethoscope, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { FeatureCard } from '../../../components/feature-card';
import { PageTitle } from '../../../components/page-title';
import { useCurrentUser } from '../../../lib/auth';
import { useAdminUsers } from '../api/use-admin-users';
import { useKycQueue } from '../api/use-kyc-queue';
import { StatCard } from '../components/stat-card';

export function AdminDashboardPage() {
  const user = useCurrentUser();
  const queue = useKycQueue({ status: 'pending', page: 1, limit: 1 });
  const patients = useAdminUsers({ role: 'patient', page: 1, limit: 1 });
  const doctors = useAdminUsers({ role: 'doctor', page: 1, limit: 1 });

  return (
    <>
      <PageTitle description="Keep DocTime honest and safe.">{`Welcome, ${user.name}`}</PageTitle>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
          <StatCard
            label="Pending KYC"
            value={queue.data ? (queue.data.counts.pending ?? queue.data.total) : undefined}
            loading={queue.isPending}
            failed={queue.isError}
            icon={<IconShieldCheck size={24} />}
            color="yellow"
            to="/admin/kyc"
            linkLabel="Review applications"
          />
          <StatCard
            label="Patients"
            value={patients.data?.total}
            loading={patients.isPending}
            failed={patients.isError}
            icon={<IconUsers size={24} />}
            color="blue"
            to="/admin/users?role=patient"
            linkLabel="See patients"
          />
          <StatCard
            label="Doctors"
            value={doctors.data?.total}
            loading={doctors.isPending}
            failed={doctors.isError}
            icon={<IconStethoscope size={24} />}
            to="/admin/users?role=doctor"
            linkLabel="See doctors"
          />
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
