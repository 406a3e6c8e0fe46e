import type { AdminUser } from '@doctime/contracts';
import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { DataTable, type Column } from '../../../components/data-table';
import { formatDate } from '../../../lib/format';

const ROLE_COLOR: Record<AdminUser['role'], string> = { patient: 'blue', doctor: 'brand', admin: 'grape' };

interface UsersTableProps {
  users: AdminUser[];
  onBlock: (user: AdminUser) => void;
  onUnblock: (user: AdminUser) => void;
}

/** "Blocked" (the reason on hover or focus) or "Active". */
function StatusBadge({ user }: { user: AdminUser }) {
  if (!user.blocked)
    return (
      <Badge variant="light" color="green">
        Active
      </Badge>
    );
  return (
    <Tooltip label={user.blockedReason ?? 'No reason recorded'} multiline maw={280} withArrow>
      <Badge variant="light" color="red" style={{ cursor: 'help' }} tabIndex={0}>
        Blocked
      </Badge>
    </Tooltip>
  );
}

const COLUMNS: readonly Column<AdminUser>[] = [
  {
    header: 'Name',
    render: (user) => (
      <Text size="sm" fw={600}>
        {user.name}
      </Text>
    ),
  },
  {
    header: 'Email',
    render: (user) => (
      <Stack gap={2}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {user.email}
        </Text>
        {user.emailVerified ? null : (
          <Text size="xs" c="dimmed">
            E-mail not verified
          </Text>
        )}
      </Stack>
    ),
  },
  {
    header: 'Role',
    render: (user) => (
      <Badge variant="light" color={ROLE_COLOR[user.role]} tt="capitalize">
        {user.role}
      </Badge>
    ),
  },
  { header: 'Status', render: (user) => <StatusBadge user={user} /> },
  { header: 'Joined', render: (user) => <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time> },
];

/** Block or Unblock; admins cannot be blocked from here. */
function actionsColumn({ onBlock, onUnblock }: Omit<UsersTableProps, 'users'>): Column<AdminUser> {
  return {
    header: 'Actions',
    hideHeader: true,
    render: (user) => (
      <Group justify="flex-end" wrap="nowrap">
        {user.role === 'admin' ? null : user.blocked ? (
          <Button size="xs" variant="light" color="green" onClick={() => onUnblock(user)}>
            Unblock
          </Button>
        ) : (
          <Button size="xs" variant="light" color="red" onClick={() => onBlock(user)}>
            Block
          </Button>
        )}
      </Group>
    ),
  };
}

/** People with their role and status; patients and doctors can be blocked or unblocked. */
export function UsersTable({ users, onBlock, onUnblock }: UsersTableProps) {
  const columns = [...COLUMNS, actionsColumn({ onBlock, onUnblock })];
  return <DataTable columns={columns} rows={users} rowKey={(user) => user.id} minWidth={760} />;
}
