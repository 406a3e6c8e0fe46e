import { ActionIcon, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileTypePdf, IconSend2, IconX } from '@tabler/icons-react';
import { formatBytes } from '../../lib/format';
import classes from './chat.module.css';
import type { MediaKind } from './media-recording';

interface AttachmentPreviewProps {
  file: File;
  kind: MediaKind;
  /** A local URL of an image, to show it. */
  previewUrl?: string;
  onSend: () => void;
  onRemove: () => void;
}

/** The chosen image or PDF before it is sent: a thumbnail or its name and size, with Remove and Send. */
export function AttachmentPreview({ file, kind, previewUrl: url, onSend, onRemove }: AttachmentPreviewProps) {
  return (
    <Paper withBorder radius="md" p="xs" mb="xs" role="group" aria-label="Attachment to send">
      <Group gap="sm" wrap="nowrap" align="center">
        {kind === 'image' && url ? (
          <img src={url} alt={`Preview of ${file.name}`} className={classes.image} style={{ width: 72, height: 72 }} />
        ) : (
          <IconFileTypePdf size={36} color="var(--mantine-color-red-7)" aria-hidden style={{ flexShrink: 0 }} />
        )}
        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={500} truncate="end">
            {file.name}
          </Text>
          <Text size="xs" c="dimmed">
            {formatBytes(file.size)}
          </Text>
        </Stack>
        <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label="Remove the attachment">
          <IconX size={16} aria-hidden />
        </ActionIcon>
        <Button size="xs" leftSection={<IconSend2 size={14} aria-hidden />} onClick={onSend}>
          Send {kind === 'image' ? 'image' : 'file'}
        </Button>
      </Group>
    </Paper>
  );
}
