import type { OwnDoctor } from '@doctime/contracts';
import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface KycStatusBannerProps {
  doctor: Pick<OwnDoctor, 'kyc' | 'listed' | 'profileComplete'>;
  /** A call to action under the text, e.g. a link to the KYC form. */
  action?: ReactNode;
}

function Reason({ reason }: { reason: string | undefined }) {
  if (!reason) return null;
  return (
    <>
      <Text size="sm" fw={600} mt={4}>
        The reviewer wrote:
      </Text>
      <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {reason}
      </Text>
    </>
  );
}

/** Where the doctor stands with verification, and what to do next. */
export function KycStatusBanner({ doctor, action }: KycStatusBannerProps) {
  const { status, reason } = doctor.kyc;
  let color = 'blue';
  let title = 'Not verified yet';
  let icon = <IconInfoCircle aria-hidden />;
  let body: ReactNode = doctor.profileComplete
    ? 'Submit your medical registration and documents on the KYC tab. Patients can find and book you once an administrator approves them.'
    : 'Fill in your profile, then submit your medical registration and documents. Patients can find and book you once an administrator approves them.';

  if (status === 'pending') {
    color = 'yellow';
    title = 'Pending review';
    icon = <IconClockHour4 aria-hidden />;
    body = 'An administrator is checking your registration and documents. The decision will appear here.';
  } else if (status === 'approved') {
    color = 'green';
    title = 'Approved';
    icon = <IconCircleCheck aria-hidden />;
    body = doctor.listed
      ? 'You are verified. Patients can find you in search and see your profile.'
      : 'You are verified. Patients will find you once your profile is complete.';
  } else if (status === 'rejected') {
    color = 'red';
    title = 'Rejected';
    icon = <IconAlertTriangle aria-hidden />;
    body = (
      <>
        <Text size="sm">Your application was declined.</Text>
        <Reason reason={reason} />
      </>
    );
  } else if (status === 'resubmission_requested') {
    color = 'orange';
    title = 'Resubmission requested';
    icon = <IconRefresh aria-hidden />;
    body = (
      <>
        <Text size="sm">Please correct your details or documents on the KYC tab and submit them again.</Text>
        <Reason reason={reason} />
      </>
    );
  }

  return (
    <Alert color={color} variant="light" title={title} icon={icon} radius="md">
      <Stack gap={4} align="flex-start">
        {typeof body === 'string' ? <Text size="sm">{body}</Text> : body}
        {action ? <div style={{ marginTop: 8 }}>{action}</div> : null}
      </Stack>
    </Alert>
  );
}
