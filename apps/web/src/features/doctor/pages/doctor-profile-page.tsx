import { Card, Grid, Stack, Tabs, Title } from '@mantine/core';
import { IconId, IconUser } from '@tabler/icons-react';
import { KycHistoryTimeline } from '../../../components/kyc-history-timeline';
import { LoadError } from '../../../components/load-error';
import { PageTitle } from '../../../components/page-title';
import { readChoice, useUrlParams } from '../../../lib/url-state';
import { useOwnDoctor } from '../api/use-own-doctor';
import { DoctorPageSkeleton } from '../components/doctor-page-skeleton';
import { KycForm } from '../components/kyc-form';
import { KycStatusBanner } from '../components/kyc-status-banner';
import { ProfileForm } from '../components/profile-form';

const TABS = ['profile', 'kyc'] as const;
type Tab = (typeof TABS)[number];

/** /doctor/profile: the public profile and the KYC submission, in two tabs (`?tab=kyc`). */
export function DoctorProfilePage() {
  const doctor = useOwnDoctor();
  const [params, setParams] = useUrlParams();
  const tab = readChoice(params, 'tab', TABS, 'profile');
  const showTab = (next: Tab) => setParams({ tab: next === 'profile' ? null : next }, { replace: true, resetPage: false });

  return (
    <>
      <PageTitle description="What patients see about you, and your licence verification.">Profile & KYC</PageTitle>
      {doctor.isPending ? (
        <DoctorPageSkeleton />
      ) : doctor.isError ? (
        <LoadError error={doctor.error} title="Could not load your profile" onRetry={() => void doctor.refetch()} />
      ) : (
        <Stack gap="lg">
          <KycStatusBanner doctor={doctor.data} />
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Card withBorder radius="md" padding="lg">
                <Tabs value={tab} onChange={(value) => showTab(value === 'kyc' ? 'kyc' : 'profile')} keepMounted>
                  <Tabs.List mb="lg">
                    <Tabs.Tab value="profile" leftSection={<IconUser size={16} aria-hidden />}>
                      Profile
                    </Tabs.Tab>
                    <Tabs.Tab value="kyc" leftSection={<IconId size={16} aria-hidden />}>
                      KYC
                    </Tabs.Tab>
                  </Tabs.List>
                  <Tabs.Panel value="profile">
                    <ProfileForm doctor={doctor.data} />
                  </Tabs.Panel>
                  <Tabs.Panel value="kyc">
                    <KycForm doctor={doctor.data} onCompleteProfile={() => showTab('profile')} />
                  </Tabs.Panel>
                </Tabs>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="kyc-history-title">
                <Title order={2} size="h4" mb="md" id="kyc-history-title">
                  History
                </Title>
                <KycHistoryTimeline events={doctor.data.history} />
              </Card>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </>
  );
}
