import type { KycQueue } from '@doctime/contracts';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/data-table';
import { formatDateTime } from '../../../lib/format';

type QueueItem = KycQueue['items'][number];

const COLUMNS: readonly Column<QueueItem>[] = [
  {
    header: 'Doctor',
    render: (item) => (
      <Anchor component={Link} to={`/admin/kyc/${encodeURIComponent(item.doctorId)}`} fw={600}>
        {item.name}
      </Anchor>
    ),
  },
  {
    header: 'Email',
    render: (item) => (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {item.email}
      </Text>
    ),
  },
  {
    header: 'Specialty',
    render: (item) =>
      item.specialtyName ?? (
        <Text span c="dimmed" size="sm">
          Not set
        </Text>
      ),
  },
  {
    header: 'Submitted',
    render: (item) =>
      item.submittedAt ? (
        <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>
      ) : (
        <Text span c="dimmed" size="sm">
          —
        </Text>
      ),
  },
];

/** Applications in one status; each doctor's name opens their review page. */
export function KycQueueTable({ items }: { items: KycQueue['items'] }) {
  return <DataTable columns={COLUMNS} rows={items} rowKey={(item) => item.doctorId} minWidth={640} />;
}
