import { Anchor, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';

/** "New to DocTime? Sign up": a question and the link that answers it. */
export interface AuthFooter {
  prompt: string;
  to: string;
  link: string;
}

interface AuthCardProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** The link under the form to the neighbouring step. */
  footer?: AuthFooter;
}

/** The card every sign-in page sits in. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <Paper withBorder radius="md" p={{ base: 'lg', sm: 'xl' }} shadow="sm">
      <PageTitle description={description}>{title}</PageTitle>
      {children}
      {footer ? (
        <Stack gap={6} mt="lg" align="center" ta="center">
          <Text size="sm">
            {footer.prompt}{' '}
            <Anchor component={Link} to={footer.to}>
              {footer.link}
            </Anchor>
          </Text>
        </Stack>
      ) : null}
    </Paper>
  );
}
