import type { KycQueue } from '@doctime/contracts';
import { Anchor, Card, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';

/** Applications in one status; each doctor's name opens their review page. */
export function KycQueueTable({ items }: { items: KycQueue['items'] }) {
  return (
    <Card withBorder radius="md" padding={0}>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Doctor</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Specialty</Table.Th>
              <Table.Th>Submitted</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.doctorId}>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/kyc/${encodeURIComponent(item.doctorId)}`} fw={600}>
                    {item.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.email}
                  </Text>
                </Table.Td>
                <Table.Td>{item.specialtyName ?? <Text span c="dimmed" size="sm">Not set</Text>}</Table.Td>
                <Table.Td>
                  {item.submittedAt ? (
                    <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>
                  ) : (
                    <Text span c="dimmed" size="sm">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
