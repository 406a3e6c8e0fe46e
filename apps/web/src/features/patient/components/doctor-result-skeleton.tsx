import { Card, Group, SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** Placeholder cards while search results load. */
export function DoctorResultSkeleton({ count = 4 }: { count?: number }) {
  return (
    <div role="status" aria-live="polite">
      <VisuallyHidden>Loading doctors</VisuallyHidden>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" aria-hidden>
        {Array.from({ length: count }, (_, index) => (
          <Card key={index} withBorder radius="md" padding="lg">
            <Group wrap="nowrap" align="flex-start" gap="md">
              <Skeleton height={64} width={64} circle />
              <Stack gap={8} style={{ flex: 1 }}>
                <Skeleton height={18} width="60%" radius="sm" />
                <Skeleton height={16} width={110} radius="xl" />
                <Skeleton height={12} width="45%" radius="sm" />
                <Skeleton height={12} width="55%" radius="sm" />
              </Stack>
            </Group>
            <Group justify="space-between" mt="lg">
              <Skeleton height={24} width={80} radius="sm" />
              <Skeleton height={36} width={110} radius="md" />
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </div>
  );
}
