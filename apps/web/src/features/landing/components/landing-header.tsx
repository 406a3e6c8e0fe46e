import { Box, Button, Container, Group } from '@mantine/core';
import { Link } from 'react-router';
import { Logo } from '../../../components/logo';
import { useAuth } from '../../../lib/auth';
import { homePathFor } from '../../../lib/roles';

export function LandingHeader() {
  const { user } = useAuth();
  return (
    <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Container size="lg" py="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Logo />
          <Group component="nav" aria-label="Account" gap="xs" wrap="nowrap">
            {user ? (
              <Button component={Link} to={homePathFor(user.role)} size="sm">
                Go to my dashboard
              </Button>
            ) : (
              <>
                <Button component={Link} to="/login" variant="default" size="sm">
                  Log in
                </Button>
                <Button component={Link} to="/signup" size="sm">
                  Sign up
                </Button>
              </>
            )}
          </Group>
        </Group>
      </Container>
    </Box>
  );
}
