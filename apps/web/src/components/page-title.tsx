import { Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageTitleProps {
  children: string;
  /** A line under the heading. */
  description?: ReactNode;
  order?: TitleOrder;
}

/** The page's main heading; also sets the browser tab title. */
export function PageTitle({ children, description, order = 1 }: PageTitleProps) {
  return (
    <Stack gap={4} mb="lg">
      <title>{`${children} · DocTime`}</title>
      <Title order={order}>{children}</Title>
      {description ? (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      ) : null}
    </Stack>
  );
}
