import { Button, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { useAuth } from '../../lib/auth';
import { homePathFor } from '../../lib/roles';
import { CenteredPage } from '../layouts/centered-page';

export function NotFoundPage() {
  const { user } = useAuth();
  const home = user ? homePathFor(user.role) : '/';
  return (
    <CenteredPage homePath={home}>
      <Paper withBorder radius="md" p={{ base: 'lg', sm: 'xl' }}>
        <Stack align="center" ta="center" gap="xs">
          <Text fz={48} fw={800} c="brand.7" lh={1} aria-hidden>
            404
          </Text>
          <PageTitle>Page not found</PageTitle>
          <Text c="dimmed">The page you asked for does not exist or has moved.</Text>
          <Button component={Link} to={home} mt="sm">
            {user ? 'Back to my dashboard' : 'Back to the home page'}
          </Button>
        </Stack>
      </Paper>
    </CenteredPage>
  );
}
