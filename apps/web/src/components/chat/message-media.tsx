import type { MessageKind } from '@doctime/contracts';
import { Anchor, Group, Skeleton, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { formatBytes } from '../../lib/format';
import { formatDuration } from './chat-format';
import classes from './chat.module.css';
import { useMediaUrl } from './use-media-url';

interface MediaProps {
  kind: Exclude<MessageKind, 'text'>;
  /** The stored file, or nothing while a pending message shows its local copy. */
  fileId?: string;
  localUrl?: string;
  fileName?: string;
  size?: number;
  durationMs?: number;
  /** Who sent it, for the alternative text. */
  senderName: string;
}

/** An attachment played or shown inline: image, voice note, video clip, or a PDF link. */
export function MessageMedia({ kind, fileId, localUrl, fileName, size, durationMs, senderName }: MediaProps) {
  const remote = useMediaUrl(localUrl ? undefined : fileId);
  const url = localUrl ?? remote.url;
  // A link that expired while the page stayed open: fetch a fresh one and the element loads again.
  const onError = localUrl ? undefined : remote.renew;
  const length = durationMs !== undefined ? formatDuration(durationMs) : null;

  if (!url) {
    if (remote.isError)
      return (
        <Text size="xs" c="red">
          This attachment cannot be shown.
        </Text>
      );
    return <Skeleton width={kind === 'file' ? 180 : 240} height={kind === 'audio' || kind === 'file' ? 40 : 160} radius="md" />;
  }
  switch (kind) {
    case 'image':
      return (
        <a href={url} target="_blank" rel="noopener noreferrer" aria-label={`Open the image from ${senderName} in a new tab`}>
          <img src={url} alt={`Image from ${senderName}`} className={classes.image} loading="lazy" onError={onError} />
        </a>
      );
    case 'audio':
      return (
        <div>
          <audio
            controls
            preload="metadata"
            src={url}
            className={classes.audio}
            onError={onError}
            aria-label={`Voice note from ${senderName}`}
          />
          {length ? (
            <Text size="xs" c="dimmed">
              Voice note · {length}
            </Text>
          ) : null}
        </div>
      );
    case 'video':
      return (
        <div>
          <video
            controls
            playsInline
            preload="metadata"
            src={url}
            className={classes.video}
            onError={onError}
            aria-label={`Video clip from ${senderName}`}
          />
          {length ? (
            <Text size="xs" c="dimmed">
              Video clip · {length}
            </Text>
          ) : null}
        </div>
      );
    case 'file':
      return (
        <Group gap={6} wrap="nowrap">
          <IconFileTypePdf size={24} color="var(--mantine-color-red-7)" aria-hidden style={{ flexShrink: 0 }} />
          <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {fileName ?? 'Document.pdf'}
          </Anchor>
          {size ? (
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {formatBytes(size)}
            </Text>
          ) : null}
        </Group>
      );
  }
}
