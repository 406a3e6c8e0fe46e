import { NavLink } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useMatch } from 'react-router';

export interface NavItemConfig {
  label: string;
  to: string;
  icon: ReactNode;
  /** Match the path exactly (for dashboards, whose path prefixes the others). */
  end?: boolean;
  /** Shown at the end, e.g. an unread count. */
  badge?: ReactNode;
}

export function NavItem({ item, onNavigate }: { item: NavItemConfig; onNavigate: () => void }) {
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      rightSection={item.badge}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}
