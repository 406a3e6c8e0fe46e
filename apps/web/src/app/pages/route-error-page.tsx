import { Button, Paper, Stack, Text } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { CenteredPage } from '../layouts/centered-page';

/** Catches anything a page throws while rendering, so the app never goes blank. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : null;
  return (
    <CenteredPage>
      <Paper withBorder radius="md" p={{ base: 'lg', sm: 'xl' }}>
        <Stack align="center" ta="center" gap="xs">
          <PageTitle>Something went wrong</PageTitle>
          <Text c="dimmed">An unexpected error stopped this page. Reloading usually helps.</Text>
          {detail ? (
            <Text size="sm" c="dimmed">
              {detail}
            </Text>
          ) : null}
          <Button mt="sm" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </Stack>
      </Paper>
    </CenteredPage>
  );
}
