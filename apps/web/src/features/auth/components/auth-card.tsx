import { Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageTitle } from '../../../components/page-title';

interface AuthCardProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Links under the form. */
  footer?: ReactNode;
}

/** The card every sign-in page sits in. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <Paper withBorder radius="md" p={{ base: 'lg', sm: 'xl' }} shadow="sm">
      <PageTitle description={description}>{title}</PageTitle>
      {children}
      {footer ? (
        <Stack gap={6} mt="lg" align="center" ta="center">
          {footer}
        </Stack>
      ) : null}
    </Paper>
  );
}
