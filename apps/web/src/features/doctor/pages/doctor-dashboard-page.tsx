import { Button, Grid, Stack } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { FeatureCard } from '../../../components/feature-card';
import { LoadError } from '../../../components/load-error';
import { PageTitle } from '../../../components/page-title';
import { useCurrentUser } from '../../../lib/auth';
import { browserTimeZone } from '../../../lib/time-zones';
import { useOwnDoctor } from '../api/use-own-doctor';
import { DoctorPageSkeleton } from '../components/doctor-page-skeleton';
import { KycStatusBanner } from '../components/kyc-status-banner';
import { TodaysSchedule } from '../components/todays-schedule';
import { VerificationChecklist } from '../components/verification-checklist';

export function DoctorDashboardPage() {
  const user = useCurrentUser();
  const doctor = useOwnDoctor();
  const approved = doctor.data?.kyc.status === 'approved';
  const timeZone = doctor.data?.profile?.timeZone ?? browserTimeZone();

  return (
    <>
      <PageTitle description="Run your online practice from here.">{`Welcome, ${user.name}`}</PageTitle>
      {doctor.isPending ? (
        <DoctorPageSkeleton />
      ) : doctor.isError ? (
        <LoadError error={doctor.error} title="Could not load your verification status" onRetry={() => void doctor.refetch()} />
      ) : (
        <Stack gap="lg">
          <KycStatusBanner
            doctor={doctor.data}
            action={
              doctor.data.kyc.status === 'approved' ? null : (
                <Button component={Link} to="/doctor/profile?tab=kyc" size="xs" variant="white">
                  Go to verification
                </Button>
              )
            }
          />
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              {approved ? <TodaysSchedule timeZone={timeZone} /> : <VerificationChecklist doctor={doctor.data} />}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="lg">
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
                {approved ? <VerificationChecklist doctor={doctor.data} /> : <TodaysSchedule timeZone={timeZone} />}
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </>
  );
}
