import type { PublicDoctor } from '@doctime/contracts';
import { Anchor, Avatar, Badge, Button, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconBriefcase, IconLanguage, IconMapPin } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatMoney, formatYears } from '../../../lib/format';

interface DoctorResultCardProps {
  doctor: PublicDoctor;
  /** Where "back" on the profile page returns to (this search). */
  from: string;
}

/** One doctor in the search results. */
export function DoctorResultCard({ doctor, from }: DoctorResultCardProps) {
  const to = `/patient/doctors/${encodeURIComponent(doctor.id)}`;
  return (
    <Card withBorder radius="md" padding="lg" h="100%" component="article">
      <Group wrap="nowrap" align="flex-start" gap="md" mb="md">
        <Avatar src={doctor.avatarUrl ?? null} name={doctor.name} color="initials" size={64} radius={64} alt="" />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={to} state={{ from }} inherit c="inherit">
              {doctor.name}
            </Anchor>
          </Title>
          <Group gap={6}>
            <Badge variant="light" tt="none">
              {doctor.specialty.name}
            </Badge>
          </Group>
          <Group gap={6} wrap="nowrap" c="dimmed">
            <IconBriefcase size={16} aria-hidden style={{ flexShrink: 0 }} />
            <Text size="sm">{formatYears(doctor.experienceYears)} experience</Text>
          </Group>
          {doctor.languages.length ? (
            <Group gap={6} wrap="nowrap" c="dimmed" align="flex-start">
              <IconLanguage size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm">
                <VisuallyHidden>Speaks </VisuallyHidden>
                {doctor.languages.join(', ')}
              </Text>
            </Group>
          ) : null}
          {doctor.clinic ? (
            <Group gap={6} wrap="nowrap" c="dimmed">
              <IconMapPin size={16} aria-hidden style={{ flexShrink: 0 }} />
              <Text size="sm" truncate="end">
                {doctor.clinic.city}
              </Text>
            </Group>
          ) : null}
        </Stack>
      </Group>
      <Group
        justify="space-between"
        align="flex-end"
        pt="md"
        style={{ borderTop: '1px solid var(--mantine-color-gray-2)', marginTop: 'auto' }}
      >
        <div>
          <Text fw={700} size="lg" lh={1.2}>
            {formatMoney(doctor.consultationFee.amount, doctor.consultationFee.currency)}
          </Text>
          <Text size="xs" c="dimmed">
            per consultation
          </Text>
        </div>
        <Button component={Link} to={to} state={{ from }} variant="light">
          View profile
        </Button>
      </Group>
    </Card>
  );
}
