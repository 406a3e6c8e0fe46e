import { Card, Group, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** Grey bars in the shape of a table while its rows load. */
export function TableSkeleton({ rows = 5, columns = 4, label = 'Loading' }: { rows?: number; columns?: number; label?: string }) {
  return (
    <Card withBorder radius="md" padding="md" role="status" aria-live="polite">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Stack gap="md" aria-hidden>
        <Group gap="md" wrap="nowrap">
          {Array.from({ length: columns }, (_, column) => (
            <Skeleton key={column} height={12} radius="sm" style={{ flex: 1 }} />
          ))}
        </Group>
        {Array.from({ length: rows }, (_, row) => (
          <Group key={row} gap="md" wrap="nowrap">
            {Array.from({ length: columns }, (_, column) => (
              <Skeleton key={column} height={18} radius="sm" style={{ flex: 1 }} />
            ))}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
