import type { AdminUser, Role } from '@doctime/contracts';
import { Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { LoadError } from '../../../components/load-error';
import { PageTitle } from '../../../components/page-title';
import { PaginationBar } from '../../../components/pagination-bar';
import { TableSkeleton } from '../../../components/table-skeleton';
import { readChoice, readPage, useDebouncedParam, useUrlParams } from '../../../lib/url-state';
import { useAdminUsers } from '../api/use-admin-users';
import { BlockUserModal } from '../components/block-user-modal';
import { UnblockUserModal } from '../components/unblock-user-modal';
import { UsersTable } from '../components/users-table';

const LIMIT = 20;
const ROLE_FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'patient', label: 'Patients' },
  { value: 'doctor', label: 'Doctors' },
  { value: 'admin', label: 'Admins' },
];
type RoleFilter = Role | 'all';
const ROLE_VALUES: readonly RoleFilter[] = ['all', 'patient', 'doctor', 'admin'];

/** /admin/users?q=&role=&page=: find people, block and unblock accounts. */
export function UsersPage() {
  const [params, setParams] = useUrlParams();
  const search = useDebouncedParam('q');
  const role = readChoice(params, 'role', ROLE_VALUES, 'all');
  const page = readPage(params);
  const q = search.debounced.trim();
  const users = useAdminUsers({ role: role === 'all' ? undefined : role, q: q || undefined, page, limit: LIMIT });
  const [blocking, setBlocking] = useState<AdminUser | null>(null);
  const [unblocking, setUnblocking] = useState<AdminUser | null>(null);

  let content;
  if (users.isPending) content = <TableSkeleton columns={6} label="Loading users" />;
  else if (users.isError) content = <LoadError error={users.error} title="Could not load users" onRetry={() => void users.refetch()} />;
  else if (users.data.items.length === 0)
    content = (
      <EmptyState title={q ? 'No one matches your search' : 'No users yet'} icon={<IconUsers size={28} />}>
        {q ? 'Try another name or e-mail address, or another role.' : 'People who sign up will appear here.'}
      </EmptyState>
    );
  else
    content = (
      <>
        <UsersTable users={users.data.items} onBlock={setBlocking} onUnblock={setUnblocking} />
        <PaginationBar
          page={page}
          total={users.data.total}
          limit={LIMIT}
          noun="people"
          onChange={(next) => setParams({ page: next === 1 ? null : next })}
        />
      </>
    );

  return (
    <>
      <PageTitle description="Patients, doctors and administrators on DocTime.">Users</PageTitle>
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label="Search users"
            placeholder="Name or e-mail"
            type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search.value}
            onChange={(event) => search.onChange(event.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
          />
          <SegmentedControl
            aria-label="Role"
            data={ROLE_FILTERS}
            value={role}
            onChange={(value) => setParams({ role: value === 'all' ? null : value })}
            style={{ flex: '1 1 auto' }}
            size="sm"
          />
        </Group>
        <div style={{ opacity: users.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>{content}</div>
      </Stack>
      <BlockUserModal user={blocking} onClose={() => setBlocking(null)} />
      <UnblockUserModal user={unblocking} onClose={() => setUnblocking(null)} />
    </>
  );
}
