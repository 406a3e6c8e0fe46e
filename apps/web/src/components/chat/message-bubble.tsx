import type { Message } from '@doctime/contracts';
import { Button, Group, Progress, Text, VisuallyHidden } from '@mantine/core';
import { IconRefresh, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Delivery } from './chat-format';
import classes from './chat.module.css';
import { DeliveryTicks } from './delivery-ticks';
import { LinkifiedText } from './linkified-text';
import { MessageMedia } from './message-media';
import type { PendingMessage } from './thread-state';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

interface BubbleProps {
  own: boolean;
  senderName: string;
  createdAt: string;
  content: ReactNode;
  delivery?: Delivery;
  failed?: boolean;
  footer?: ReactNode;
}

function Bubble({ own, senderName, createdAt, content, delivery, failed, footer }: BubbleProps) {
  return (
    <div className={classes.row} data-own={own || undefined} role="listitem">
      <div className={classes.bubble} data-failed={failed || undefined}>
        <VisuallyHidden>{own ? 'You' : senderName}:</VisuallyHidden>
        {content}
        <div className={classes.meta}>
          <time dateTime={createdAt}>{timeFormat.format(new Date(createdAt))}</time>
          {delivery ? <DeliveryTicks delivery={delivery} /> : null}
        </div>
        {footer}
      </div>
    </div>
  );
}

function Content({
  message,
  senderName,
  localUrl,
}: {
  message: Omit<Message, 'id' | 'seq' | 'senderId' | 'conversationId'>;
  senderName: string;
  localUrl?: string;
}) {
  return (
    <>
      {message.kind !== 'text' ? (
        <MessageMedia
          kind={message.kind}
          fileId={message.media?.fileId}
          localUrl={localUrl}
          fileName={message.media?.fileName}
          size={message.media?.size}
          durationMs={message.media?.durationMs}
          senderName={senderName}
        />
      ) : null}
      {message.text ? (
        <div className={classes.text} style={message.kind !== 'text' ? { marginTop: 4 } : undefined}>
          <LinkifiedText text={message.text} />
        </div>
      ) : null}
    </>
  );
}

/** A message the server holds. */
export function MessageBubble({
  message,
  own,
  senderName,
  delivery,
}: {
  message: Message;
  own: boolean;
  senderName: string;
  delivery?: Delivery;
}) {
  return (
    <Bubble
      own={own}
      senderName={senderName}
      createdAt={message.createdAt}
      delivery={delivery}
      content={<Content message={message} senderName={senderName} />}
    />
  );
}

/** One of the caller's messages on its way: upload progress, or why it failed with Retry and Remove. */
export function PendingBubble({
  entry,
  onRetry,
  onDiscard,
}: {
  entry: PendingMessage;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const failed = entry.stage === 'failed';
  const media = entry.file
    ? { fileId: '', contentType: entry.file.type, size: entry.file.size, fileName: entry.file.name, durationMs: entry.durationMs }
    : undefined;
  return (
    <Bubble
      own
      senderName="You"
      createdAt={entry.createdAt}
      delivery={failed ? 'failed' : 'sending'}
      failed={failed}
      content={<Content message={{ ...entry, ...(media ? { media } : {}) }} senderName="You" localUrl={entry.previewUrl} />}
      footer={
        failed ? (
          <div role="alert">
            <Text size="xs" c="red" mt={4}>
              {entry.error ?? 'Not sent.'}
            </Text>
            <Group gap={4} mt={4} justify="flex-end">
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                leftSection={<IconTrash size={12} aria-hidden />}
                onClick={onDiscard}
              >
                Remove
              </Button>
              <Button
                size="compact-xs"
                variant="light"
                color="red"
                leftSection={<IconRefresh size={12} aria-hidden />}
                onClick={onRetry}
              >
                Retry
              </Button>
            </Group>
          </div>
        ) : entry.stage === 'uploading' ? (
          <Progress value={entry.progress ?? 0} size="sm" mt={4} aria-label="Upload progress" />
        ) : null
      }
    />
  );
}
