import { Alert, Anchor, Button, Card, Grid, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconRefresh } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { KycHistoryTimeline } from '../../../components/kyc-history-timeline';
import { KycStatusBadge } from '../../../components/kyc-status-badge';
import { LoadError } from '../../../components/load-error';
import { PageTitle } from '../../../components/page-title';
import { isApiError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useKycDetails } from '../api/use-kyc-details';
import { KycDecisionPanel } from '../components/kyc-decision-panel';
import { KycDocumentCard } from '../components/kyc-document-card';
import { ProfileSummaryCard, RegistrationCard } from '../components/doctor-summary';

function BackLink() {
  return (
    <Anchor component={Link} to="/admin/kyc" size="sm" mb="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} aria-hidden />
      Back to the queue
    </Anchor>
  );
}

function ReviewSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-live="polite">
      <VisuallyHidden>Loading the application</VisuallyHidden>
      <Skeleton height={36} width="50%" radius="sm" aria-hidden />
      <Grid gutter="lg" aria-hidden>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Skeleton height={420} radius="md" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Skeleton height={160} radius="md" />
            <Skeleton height={240} radius="md" />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Earliest expiry of the document links, to tell the admin when to refresh them. */
function linksExpireAt(expiries: (string | undefined)[]): string | undefined {
  return expiries.filter((e): e is string => !!e).sort()[0];
}

/** /admin/kyc/:doctorId: one application, its documents inline, and the decision. */
export function KycReviewPage() {
  const { doctorId = '' } = useParams();
  const details = useKycDetails(doctorId);

  if (details.isPending) {
    return (
      <>
        <BackLink />
        <ReviewSkeleton />
      </>
    );
  }
  if (details.isError) {
    return (
      <>
        <BackLink />
        {isApiError(details.error) && details.error.status === 404 ? (
          <>
            <PageTitle>Application not found</PageTitle>
            <EmptyState title="No such doctor">This application does not exist or was removed.</EmptyState>
          </>
        ) : (
          <LoadError error={details.error} title="Could not load the application" onRetry={() => void details.refetch()} />
        )}
      </>
    );
  }

  const { doctor, documents, sameRegistration } = details.data;
  const expires = linksExpireAt([documents.identity?.expiresAt, documents.license?.expiresAt, documents.degree?.expiresAt]);

  return (
    <>
      <BackLink />
      <Group justify="space-between" align="flex-start" gap="xs" mb="lg">
        <div>
          <PageTitle description={doctor.email}>{doctor.name}</PageTitle>
        </div>
        <KycStatusBadge status={doctor.kyc.status} size="lg" />
      </Group>

      {sameRegistration.length ? (
        <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} title="Registration number used before" mb="lg">
          The same registration number is on the application of{' '}
          {sameRegistration.map((other, i) => (
            <span key={other.doctorId}>
              {i ? ', ' : ''}
              <Anchor component={Link} to={`/admin/kyc/${other.doctorId}`}>
                {other.name}
              </Anchor>{' '}
              ({other.status.replaceAll('_', ' ')})
            </span>
          ))}
          . Check both before approving.
        </Alert>
      ) : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg">
              <Group justify="space-between" align="center" mb="md" gap="xs">
                <Title order={2} size="h4">
                  Documents
                </Title>
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  onClick={() => void details.refetch()}
                  loading={details.isFetching}
                >
                  Refresh links
                </Button>
              </Group>
              {expires ? (
                <Text size="xs" c="dimmed" mb="md">
                  These links are private and expire at {formatDateTime(expires)}.
                </Text>
              ) : null}
              <Stack gap="md">
                <KycDocumentCard title="Identity document" document={documents.identity} />
                <KycDocumentCard title="Licence document" document={documents.license} />
                <KycDocumentCard title="Degree certificate" document={documents.degree} optional />
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <KycDecisionPanel doctor={doctor} />
            <RegistrationCard doctor={doctor} />
            <ProfileSummaryCard doctor={doctor} />
            <Card withBorder radius="md" padding="lg">
              <Title order={2} size="h4" mb="md">
                History
              </Title>
              <KycHistoryTimeline events={doctor.history} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
