import { Card, Group, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** The shape of the doctor pages while the doctor's record loads. */
export function DoctorPageSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-live="polite">
      <VisuallyHidden>Loading your profile</VisuallyHidden>
      <Skeleton height={72} radius="md" aria-hidden />
      <Card withBorder radius="md" padding="lg" aria-hidden>
        <Group gap="md" mb="lg">
          <Skeleton height={28} width={90} radius="sm" />
          <Skeleton height={28} width={60} radius="sm" />
        </Group>
        <Stack gap="md">
          {Array.from({ length: 6 }, (_, index) => (
            <Stack key={index} gap={6}>
              <Skeleton height={12} width={140} radius="sm" />
              <Skeleton height={40} radius="md" />
            </Stack>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
