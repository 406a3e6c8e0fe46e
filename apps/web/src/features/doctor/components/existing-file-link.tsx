import { Anchor, Group, Text } from '@mantine/core';
import { IconFileCheck } from '@tabler/icons-react';
import { useFileUrl } from '../api/use-file-url';

/** "Submitted earlier · View" for a document already on file. */
export function ExistingFileLink({ fileId }: { fileId: string }) {
  const url = useFileUrl(fileId);
  return (
    <Group gap={6} wrap="nowrap">
      <IconFileCheck size={18} color="var(--mantine-color-gray-6)" aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm" c="dimmed">
        Submitted earlier
      </Text>
      {url.data ? (
        <Anchor href={url.data.url} target="_blank" rel="noopener noreferrer" size="sm">
          View
        </Anchor>
      ) : null}
    </Group>
  );
}
