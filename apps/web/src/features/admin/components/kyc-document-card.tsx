import type { AdminKycDetails } from '@doctime/contracts';
import { Anchor, Badge, Box, Card, Group, Image, Text, Title } from '@mantine/core';
import { IconExternalLink, IconFileOff } from '@tabler/icons-react';

type DocumentLink = NonNullable<AdminKycDetails['documents']['identity']>;

interface KycDocumentCardProps {
  /** Also the image's alt text or the frame's title. */
  title: string;
  document: DocumentLink | undefined;
  optional?: boolean;
}

function kindOf(contentType: string): string {
  if (contentType === 'application/pdf') return 'PDF';
  if (contentType.startsWith('image/')) return contentType.slice(6).toUpperCase();
  return contentType;
}

/** One KYC document shown inline: an image, or a PDF in a frame, with an "Open" link. */
export function KycDocumentCard({ title, document, optional }: KycDocumentCardProps) {
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="sm" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="wrap" miw={0}>
          <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {document ? (
            <Badge size="sm" variant="light" color="gray">
              {kindOf(document.contentType)}
            </Badge>
          ) : null}
        </Group>
        {document ? (
          <Anchor
            href={document.url}
            target="_blank"
            rel="noopener noreferrer"
            size="sm"
            fw={600}
            style={{ display: 'inline-flex', alignItems: 'center', gap: 4, flexShrink: 0 }}
          >
            Open
            <IconExternalLink size={14} aria-hidden />
          </Anchor>
        ) : null}
      </Group>
      {!document ? (
        <Group gap="xs" c="dimmed" py="lg" justify="center">
          <IconFileOff size={18} aria-hidden />
          <Text size="sm">{optional ? 'Not provided (optional)' : 'Not provided'}</Text>
        </Group>
      ) : document.contentType.startsWith('image/') ? (
        <Box bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}>
          <Image src={document.url} alt={title} fit="contain" mah={520} w="100%" />
        </Box>
      ) : (
        <iframe
          src={document.url}
          title={title}
          style={{
            width: '100%',
            height: 520,
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 'var(--mantine-radius-sm)',
          }}
        />
      )}
    </Card>
  );
}
