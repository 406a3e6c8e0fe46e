import type { AuditAction, AuditLog } from '@doctime/contracts';
import { Badge, Code, Stack, Text } from '@mantine/core';
import { DataTable, type Column } from '../../../components/data-table';
import { formatDateTime } from '../../../lib/format';

type AuditEntry = AuditLog['items'][number];

/** Every action the API records, by label: decisions, and reads of someone's health data (`*.view`). */
export const AUDIT_ACTIONS: Record<AuditAction, { label: string; color: string }> = {
  'kyc.approve': { label: 'KYC approved', color: 'green' },
  'kyc.reject': { label: 'KYC rejected', color: 'red' },
  'kyc.resubmit': { label: 'Changes requested', color: 'orange' },
  'user.block': { label: 'User blocked', color: 'red' },
  'user.unblock': { label: 'User unblocked', color: 'green' },
  'kyc.view': { label: 'Viewed KYC documents', color: 'blue' },
  'appointment.view': { label: 'Viewed appointment', color: 'blue' },
  'prescription.view': { label: 'Viewed prescription', color: 'blue' },
};

/** A known action by its label, with the raw code under it; an unknown one as its code. */
function ActionCell({ code }: { code: string }) {
  const action = Object.hasOwn(AUDIT_ACTIONS, code) ? AUDIT_ACTIONS[code as AuditAction] : undefined;
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color={action?.color ?? 'gray'} tt="none">
        {action?.label ?? code}
      </Badge>
      {action ? <Code fz="xs">{code}</Code> : null}
    </Stack>
  );
}

const COLUMNS: readonly Column<AuditEntry>[] = [
  {
    header: 'When',
    cell: { style: { whiteSpace: 'nowrap' } },
    render: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>,
  },
  { header: 'Admin', render: (entry) => <Text size="sm">{entry.actorName ?? entry.actorId}</Text> },
  { header: 'Action', cell: { miw: 170 }, render: (entry) => <ActionCell code={entry.action} /> },
  {
    header: 'Target',
    render: (entry) => (
      <Code fz="xs" style={{ overflowWrap: 'anywhere' }}>
        {entry.targetId}
      </Code>
    ),
  },
  {
    header: 'Reason',
    cell: { maw: 320 },
    render: (entry) =>
      entry.reason ? (
        <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {entry.reason}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ),
  },
  {
    header: 'IP',
    render: (entry) => (
      <Text size="sm" ff="monospace">
        {entry.ip ?? '—'}
      </Text>
    ),
  },
];

/** Who did what to whom, when and from where. */
export function AuditLogTable({ items }: { items: AuditLog['items'] }) {
  return <DataTable columns={COLUMNS} rows={items} rowKey={(entry) => entry.id} minWidth={860} />;
}
