import type { OwnDoctor } from '@doctime/contracts';
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconRefresh, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { KYC_STATUS_LABEL } from '../../../lib/kyc';
import { useKycDecision, type KycDecisionBody } from '../api/use-kyc-decision';
import { ApproveModal } from './approve-modal';
import { ReasonModal, type ReasonDecision } from './reason-modal';

// Approve is the filled, primary choice; the two that send the doctor back are lighter.
const ACTIONS = [
  { decision: 'approve', label: 'Approve', color: 'green', variant: undefined, Icon: IconCheck },
  { decision: 'reject', label: 'Reject', color: 'red', variant: 'light', Icon: IconX },
  { decision: 'resubmit', label: 'Request resubmission', color: 'orange', variant: 'light', Icon: IconRefresh },
] as const;

/** Approve, Reject and Request resubmission, each behind a confirmation. */
export function KycDecisionPanel({ doctor }: { doctor: OwnDoctor }) {
  const navigate = useNavigate();
  const decide = useKycDecision(doctor.id);
  const [approving, setApproving] = useState(false);
  const [reasonFor, setReasonFor] = useState<ReasonDecision | null>(null);
  const canDecide = doctor.kyc.status === 'pending';

  // The decision names the submission on screen: if the doctor submits new details meanwhile, the API refuses it (409).
  const send = (body: KycDecisionBody, onError?: (error: unknown) => void) => {
    decide.mutate(
      { ...body, submission: doctor.kyc.submission },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Decision saved' });
          void navigate('/admin/kyc');
        },
        ...(onError ? { onError } : {}),
      },
    );
  };

  const open = (decision: KycDecisionBody['decision']) => {
    decide.reset();
    if (decision === 'approve') setApproving(true);
    else setReasonFor(decision);
  };
  const close = () => {
    if (decide.isPending) return;
    setApproving(false);
    setReasonFor(null);
  };

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4" mb={4}>
        Decision
      </Title>
      {canDecide ? (
        <Text size="sm" c="dimmed" mb="md">
          Check the registration details against the documents before you decide. The doctor sees your reason.
        </Text>
      ) : (
        <Text size="sm" c="dimmed" mb="md">
          This application is {KYC_STATUS_LABEL[doctor.kyc.status].toLowerCase()}. Decisions can be made only while an application
          is waiting for review.
        </Text>
      )}
      <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
        {ACTIONS.map(({ decision, label, Icon, ...look }) => (
          <Button
            key={decision}
            {...look}
            leftSection={<Icon size={16} aria-hidden />}
            onClick={() => open(decision)}
            disabled={!canDecide}
          >
            {label}
          </Button>
        ))}
      </Group>

      <ApproveModal
        opened={approving}
        doctorName={doctor.name}
        pending={decide.isPending}
        error={decide.error}
        onClose={close}
        onConfirm={() => send({ decision: 'approve' })}
      />
      <ReasonModal decision={reasonFor} pending={decide.isPending} onClose={close} onSubmit={send} />
    </Card>
  );
}
