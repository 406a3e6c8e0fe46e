import { Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface FeatureCardProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  /** Optional footer, e.g. a link. */
  footer?: ReactNode;
  color?: string;
}

/** A card with an icon, a heading and a short text: dashboards and the landing page use it. */
export function FeatureCard({ icon, title, children, footer, color }: FeatureCardProps) {
  return (
    <Card withBorder radius="md" padding="lg" h="100%">
      <Group gap="sm" mb="xs" wrap="nowrap">
        <ThemeIcon variant="light" size={40} radius="md" color={color} aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={3} size="h5">
          {title}
        </Title>
      </Group>
      <Text c="dimmed" size="sm" style={{ flexGrow: 1 }}>
        {children}
      </Text>
      {footer ? (
        <Card.Section inheritPadding pt="md" pb="xs">
          {footer}
        </Card.Section>
      ) : null}
    </Card>
  );
}
