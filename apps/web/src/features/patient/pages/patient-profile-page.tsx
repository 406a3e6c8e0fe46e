import { Alert, Card, Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { LoadError } from '../../../components/load-error';
import { PageTitle } from '../../../components/page-title';
import { useMedicalProfile } from '../api/use-medical-profile';
import { MedicalProfileForm } from '../components/medical-profile-form';
import { YourDataSection } from '../components/your-data-section';

function MedicalProfileSkeleton() {
  return (
    <Stack gap="md" role="status" aria-live="polite">
      <VisuallyHidden>Loading your medical profile</VisuallyHidden>
      {Array.from({ length: 5 }, (_, index) => (
        <Stack key={index} gap={6} aria-hidden>
          <Skeleton height={12} width={140} radius="sm" />
          <Skeleton height={40} radius="md" />
        </Stack>
      ))}
    </Stack>
  );
}

/** /patient/profile: the medical profile the doctors the patient books see. */
export function PatientProfilePage() {
  const profile = useMedicalProfile();
  return (
    <>
      <PageTitle description="What the doctors you book should know about your health.">Medical profile</PageTitle>
      <Stack gap="lg">
        <Alert color="blue" variant="light" icon={<IconLock aria-hidden />}>
          Only you and the doctors you book can see this; it is stored encrypted.
        </Alert>
        <Card withBorder radius="md" padding="lg">
          {profile.isPending ? (
            <MedicalProfileSkeleton />
          ) : profile.isError ? (
            <LoadError error={profile.error} title="Could not load your medical profile" onRetry={() => void profile.refetch()} />
          ) : (
            <MedicalProfileForm profile={profile.data} />
          )}
        </Card>
        <YourDataSection />
      </Stack>
    </>
  );
}
