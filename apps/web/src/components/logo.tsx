import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconStethoscope } from '@tabler/icons-react';
import { Link } from 'react-router';

/** The DocTime word mark, linking to `to`. */
export function Logo({ to = '/' }: { to?: string }) {
  return (
    <UnstyledButton component={Link} to={to} aria-label="DocTime home">
      <Group gap={8} wrap="nowrap">
        <ThemeIcon radius="md" size={30} aria-hidden>
          <IconStethoscope size={18} />
        </ThemeIcon>
        <Text fw={800} fz="lg" c="brand.8" style={{ letterSpacing: '-0.01em' }}>
          DocTime
        </Text>
      </Group>
    </UnstyledButton>
  );
}
