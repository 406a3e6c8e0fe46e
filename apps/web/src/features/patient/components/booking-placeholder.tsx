import type { PublicDoctor } from '@doctime/contracts';
import { Badge, Card, Group, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { formatMoney } from '../../../lib/format';

/**
 * "Book a consultation": where the slot picker and booking flow will go.
 * Placeholder until booking ships.
 */
export function BookingPlaceholder({ doctor }: { doctor: PublicDoctor }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="book-consultation-title" id="book">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Title order={2} size="h4" id="book-consultation-title">
          Book a consultation
        </Title>
        <IconCalendarEvent size={22} color="var(--mantine-color-brand-7)" aria-hidden style={{ flexShrink: 0 }} />
      </Group>
      <Text fw={700} size="xl">
        {formatMoney(doctor.consultationFee.amount, doctor.consultationFee.currency)}
        <Text span size="sm" c="dimmed" fw={400}>
          {' '}
          per video consultation
        </Text>
      </Text>
      <Badge variant="light" color="blue" mt="md">
        Coming soon
      </Badge>
      <Text size="sm" c="dimmed" mt="xs">
        Online booking opens soon.
      </Text>
    </Card>
  );
}
