import { AppShell, Burger, Button, Container, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { Logo } from '../../components/logo';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { useAuth, useCurrentUser } from '../../lib/auth';
import { afterLogoutPathFor, homePathFor } from '../../lib/roles';
import { NavItem, type NavItemConfig } from './nav-item';

interface DashboardShellProps {
  nav: readonly NavItemConfig[];
  /** Shown under the navigation, e.g. "Patient account". */
  areaLabel: string;
}

/** The signed-in frame: header with the user and "Log out", a navbar that collapses behind a burger on phones. */
export function DashboardShell({ nav, areaLabel }: DashboardShellProps) {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [signingOut, setSigningOut] = useState(false);

  const handleLogout = async () => {
    setSigningOut(true);
    const target = afterLogoutPathFor(user.role);
    // Leave the protected area before the session is cleared, so no guard bounces us to /login.
    await logout({ beforeClear: () => navigate(target, { replace: true, flushSync: true }) });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <Logo to={homePathFor(user.role)} />
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flexShrink: 1 }}>
            <NotificationBell />
            <Text
              size="sm"
              fw={500}
              truncate="end"
              maw={{ base: 120, xs: 200, md: 280 }}
              miw={0}
              title={user.name}
              visibleFrom="xs"
            >
              {user.name}
            </Text>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconLogout size={16} aria-hidden />}
              style={{ flexShrink: 0 }}
              onClick={() => void handleLogout()}
              loading={signingOut}
            >
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="app-navbar" p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {nav.map((item) => (
              <NavItem key={item.to} item={item} onNavigate={close} />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Text size="xs" c="dimmed" truncate="end">
            {areaLabel}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {user.email}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
