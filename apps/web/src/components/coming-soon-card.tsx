import { Badge, Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface ComingSoonCardProps {
  title: string;
  children: ReactNode;
}

/** A placeholder for a feature that is on its way. */
export function ComingSoonCard({ title, children }: ComingSoonCardProps) {
  return (
    <Card withBorder radius="md" padding="lg" maw={640}>
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge variant="light" color="blue">
          Coming soon
        </Badge>
      </Group>
      <Text c="dimmed" size="sm">
        {children}
      </Text>
    </Card>
  );
}
