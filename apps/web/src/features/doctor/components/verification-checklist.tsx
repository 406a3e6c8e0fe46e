import type { OwnDoctor } from '@doctime/contracts';
import { Anchor, Badge, Card, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';

interface Step {
  title: string;
  done: boolean;
  to: string;
  description: string;
  badge: { label: string; color: string };
}

function stepsFor(doctor: OwnDoctor): Step[] {
  const { status } = doctor.kyc;
  const submitted = status !== 'not_submitted';
  const approved = status === 'approved';
  const reviewBadge = approved
    ? { label: 'Done', color: 'green' }
    : status === 'pending'
      ? { label: 'In review', color: 'yellow' }
      : status === 'rejected'
        ? { label: 'Declined', color: 'red' }
        : status === 'resubmission_requested'
          ? { label: 'Action needed', color: 'orange' }
          : { label: 'To do', color: 'gray' };
  return [
    {
      title: 'Complete your profile',
      done: doctor.profileComplete,
      to: '/doctor/profile?tab=profile',
      description: doctor.profileComplete
        ? 'Your specialty, fee and bio are saved. You can edit them any time.'
        : 'Add your specialty, qualifications, languages, fee and a short bio.',
      badge: doctor.profileComplete ? { label: 'Done', color: 'green' } : { label: 'To do', color: 'gray' },
    },
    {
      title: 'Submit KYC documents',
      done: submitted,
      to: '/doctor/profile?tab=kyc',
      description: submitted
        ? 'Your registration details and documents were submitted.'
        : 'Enter your medical registration and upload your identity document and licence.',
      badge: submitted ? { label: 'Done', color: 'green' } : { label: 'To do', color: 'gray' },
    },
    {
      title: 'Admin review',
      done: approved,
      to: '/doctor/profile?tab=kyc',
      description: approved
        ? 'An administrator verified you. Patients can now book you.'
        : status === 'pending'
          ? 'An administrator is checking your documents.'
          : status === 'rejected' || status === 'resubmission_requested'
            ? 'Read the reviewer’s note and update your submission.'
            : 'Starts once you submit your documents.',
      badge: reviewBadge,
    },
  ];
}

/** The three steps to being listed, each linking to where it is done. */
export function VerificationChecklist({ doctor }: { doctor: OwnDoctor }) {
  const steps = stepsFor(doctor);
  const done = steps.filter((step) => step.done).length;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="get-verified-title" h="100%">
      <Group justify="space-between" align="flex-start" mb={6} wrap="nowrap">
        <Title order={2} size="h4" id="get-verified-title">
          Get verified
        </Title>
        <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
          {done} of {steps.length} done
        </Text>
      </Group>
      <Progress value={(done / steps.length) * 100} size="sm" mb="lg" aria-label="Verification progress" />
      <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {steps.map((step, index) => (
          <Group component="li" key={step.title} align="flex-start" wrap="nowrap" gap="sm">
            <ThemeIcon
              radius="xl"
              size={30}
              variant={step.done ? 'filled' : 'light'}
              color={step.done ? 'green' : 'gray'}
              aria-hidden
              style={{ flexShrink: 0 }}
            >
              {step.done ? (
                <IconCheck size={16} />
              ) : (
                <Text size="sm" fw={700}>
                  {index + 1}
                </Text>
              )}
            </ThemeIcon>
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={step.to} fw={600}>
                  {step.title}
                </Anchor>
                <Badge size="sm" variant="light" color={step.badge.color}>
                  {step.badge.label}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {step.description}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
