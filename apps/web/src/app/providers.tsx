import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { FullPageLoader } from '../components/full-page-loader';
import { AuthProvider } from '../lib/auth';
import { createQueryClient } from './query-client';
import { theme } from './theme';

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={3} />
      <QueryClientProvider client={queryClient}>
        <AuthProvider fallback={<FullPageLoader label="Restoring your session" />}>{children}</AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
