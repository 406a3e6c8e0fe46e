import type { AuditLog } from '@doctime/contracts';
import { Badge, Card, Code, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/format';

export const AUDIT_ACTIONS: Record<string, { label: string; color: string }> = {
  'kyc.approve': { label: 'KYC approved', color: 'green' },
  'kyc.reject': { label: 'KYC rejected', color: 'red' },
  'kyc.resubmit': { label: 'Changes requested', color: 'orange' },
  'user.block': { label: 'User blocked', color: 'red' },
  'user.unblock': { label: 'User unblocked', color: 'green' },
};

/** Who did what to whom, when and from where. */
export function AuditLogTable({ items }: { items: AuditLog['items'] }) {
  return (
    <Card withBorder radius="md" padding={0}>
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Admin</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Target</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>IP</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => {
              const action = AUDIT_ACTIONS[entry.action];
              return (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.actorName ?? entry.actorId}</Text>
                  </Table.Td>
                  <Table.Td miw={170}>
                    <Stack gap={2} align="flex-start">
                      <Badge variant="light" color={action?.color ?? 'gray'} tt="none">
                        {action?.label ?? entry.action}
                      </Badge>
                      {action ? <Code fz="xs">{entry.action}</Code> : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Code fz="xs" style={{ overflowWrap: 'anywhere' }}>
                      {entry.targetId}
                    </Code>
                  </Table.Td>
                  <Table.Td maw={320}>
                    {entry.reason ? (
                      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                        {entry.reason}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {entry.ip ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
