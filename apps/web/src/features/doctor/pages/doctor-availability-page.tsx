import { Alert, Anchor, Card, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { LoadError } from '../../../components/load-error';
import { PageTitle } from '../../../components/page-title';
import { useAvailability } from '../api/use-availability';
import { useOwnDoctor } from '../api/use-own-doctor';
import { AvailabilityForm } from '../components/availability-form';

function AvailabilitySkeleton() {
  return (
    <Stack gap="lg" role="status" aria-live="polite">
      <VisuallyHidden>Loading your availability</VisuallyHidden>
      <Card withBorder radius="md" padding="lg" aria-hidden>
        <Skeleton height={36} width={320} radius="md" mb="lg" />
        <Group gap="md" mb="xl" grow>
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} height={36} radius="md" />
          ))}
        </Group>
        <Stack gap="sm">
          {Array.from({ length: 7 }, (_, index) => (
            <Group key={index} gap="md" wrap="nowrap">
              <Skeleton height={24} width={120} radius="xl" />
              <Skeleton height={32} width={110} radius="md" />
              <Skeleton height={32} width={110} radius="md" />
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

/** /doctor/availability: weekly hours, booking settings, overrides and a preview of the slots. */
export function DoctorAvailabilityPage() {
  const rules = useAvailability();
  const doctor = useOwnDoctor();
  const notApproved = doctor.data ? doctor.data.kyc.status !== 'approved' : false;

  return (
    <>
      <PageTitle description="When patients can book you: weekly hours, slot length, breaks and days off.">
        Availability
      </PageTitle>
      <Stack gap="lg">
        {notApproved ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="Verification comes first">
            <Text size="sm">
              You can plan your hours now, but they are published only once an administrator approves your profile. Check your
              status on{' '}
              <Anchor component={Link} to="/doctor/profile?tab=kyc" size="sm" fw={600}>
                Profile &amp; KYC
              </Anchor>
              .
            </Text>
          </Alert>
        ) : null}
        {rules.isPending ? (
          <AvailabilitySkeleton />
        ) : rules.isError ? (
          <LoadError error={rules.error} title="Could not load your availability" onRetry={() => void rules.refetch()} />
        ) : (
          <AvailabilityForm rules={rules.data} />
        )}
      </Stack>
    </>
  );
}
