import { Box, Center, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../../components/logo';

/** A logo header over a centred column: sign-in pages, errors, access denied. */
export function CenteredPage({ children, homePath = '/' }: { children: ReactNode; homePath?: string }) {
  return (
    <Box mih="100dvh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <Container size="lg" py="sm">
          <Group h={40}>
            <Logo to={homePath} />
          </Group>
        </Container>
      </Box>
      <Center component="main" style={{ flex: 1 }} px="md" py={{ base: 'lg', sm: 48 }}>
        <Box w="100%" maw={460}>
          {children}
        </Box>
      </Center>
    </Box>
  );
}
