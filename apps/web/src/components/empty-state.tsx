import { Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** A call to action, e.g. a button link. */
  action?: ReactNode;
  icon?: ReactNode;
}

/** What a list shows when it has nothing in it yet. */
export function EmptyState({ title, children, action, icon }: EmptyStateProps) {
  return (
    <Card withBorder radius="md" padding="xl">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon variant="light" size={56} radius="xl" aria-hidden>
          {icon ?? <IconCalendarOff size={28} />}
        </ThemeIcon>
        <Title order={2} size="h4">
          {title}
        </Title>
        {children ? (
          <Text c="dimmed" size="sm" maw={420}>
            {children}
          </Text>
        ) : null}
        {action}
      </Stack>
    </Card>
  );
}
