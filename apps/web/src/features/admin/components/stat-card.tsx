import { Anchor, Card, Group, Skeleton, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface StatCardProps {
  label: string;
  value: number | undefined;
  loading: boolean;
  failed: boolean;
  icon: ReactNode;
  color?: string;
  to: string;
  linkLabel: string;
}

/** A big number with what it counts and a link to the list behind it. */
export function StatCard({ label, value, loading, failed, icon, color, to, linkLabel }: StatCardProps) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text component="h2" size="sm" c="dimmed" fw={600} m={0}>
            {label}
          </Text>
          {loading ? (
            <Skeleton height={36} width={64} mt={6} radius="sm" />
          ) : (
            <Text fz={34} fw={800} lh={1.2} mt={2} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {failed || value === undefined ? '—' : value.toLocaleString()}
            </Text>
          )}
        </div>
        <ThemeIcon variant="light" size={44} radius="md" color={color} aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
      {failed ? (
        <Text size="xs" c="red.7" mt={4}>
          Could not load this number.
        </Text>
      ) : null}
      <Anchor
        component={Link}
        to={to}
        size="sm"
        mt="md"
        fw={600}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        {linkLabel}
        <IconArrowRight size={14} aria-hidden />
      </Anchor>
    </Card>
  );
}
