import { Card, Group, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** Placeholder appointment cards while a list loads. */
export function AppointmentListSkeleton({ count = 3, label = 'Loading appointments' }: { count?: number; label?: string }) {
  return (
    <Stack gap="md" role="status" aria-live="polite">
      <VisuallyHidden>{label}</VisuallyHidden>
      {Array.from({ length: count }, (_, index) => (
        <Card key={index} withBorder radius="md" padding="lg" aria-hidden>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group wrap="nowrap" align="flex-start" gap="md" style={{ flex: 1 }}>
              <Skeleton height={48} width={48} circle />
              <Stack gap={8} style={{ flex: 1 }}>
                <Skeleton height={16} width="45%" radius="sm" />
                <Skeleton height={12} width="30%" radius="sm" />
                <Skeleton height={12} width="55%" radius="sm" />
              </Stack>
            </Group>
            <Skeleton height={20} width={80} radius="xl" />
          </Group>
          <Group gap="xs" mt="lg">
            <Skeleton height={32} width={110} radius="md" />
            <Skeleton height={32} width={90} radius="md" />
            <Skeleton height={32} width={120} radius="md" />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
