import { Button, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { useCurrentUser } from '../../lib/auth';
import { homePathFor } from '../../lib/roles';
import { CenteredPage } from '../layouts/centered-page';

/** Shown to a signed-in user who opens another role's area. */
export function AccessDeniedPage() {
  const user = useCurrentUser();
  const home = homePathFor(user.role);
  return (
    <CenteredPage homePath={home}>
      <Paper withBorder radius="md" p={{ base: 'lg', sm: 'xl' }}>
        <Stack align="center" ta="center" gap="xs">
          <ThemeIcon color="red" variant="light" size={56} radius="xl" aria-hidden>
            <IconLock size={28} />
          </ThemeIcon>
          <PageTitle>Access denied</PageTitle>
          <Text c="dimmed">
            You are signed in as {user.name} ({user.role}). This part of DocTime is not available to your account.
          </Text>
          <Button component={Link} to={home} mt="sm">
            Go to my dashboard
          </Button>
        </Stack>
      </Paper>
    </CenteredPage>
  );
}
