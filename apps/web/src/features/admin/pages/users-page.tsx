import type { AdminUser, Role } from '@doctime/contracts';
import { Group, SegmentedControl, Stack } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { PageTitle } from '../../../components/page-title';
import { PagedResults } from '../../../components/paged-results';
import { SearchField } from '../../../components/search-field';
import { usePageParam } from '../../../lib/page-param';
import { readChoice, useDebouncedParam, useUrlParams } from '../../../lib/url-state';
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
  const [page, setPage] = usePageParam();
  const q = search.debounced.trim();
  const users = useAdminUsers({ role: role === 'all' ? undefined : role, q: q || undefined, page, limit: LIMIT });
  const [blocking, setBlocking] = useState<AdminUser | null>(null);
  const [unblocking, setUnblocking] = useState<AdminUser | null>(null);

  return (
    <>
      <PageTitle description="Patients, doctors and administrators on DocTime.">Users</PageTitle>
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <SearchField
            label="Search users"
            placeholder="Name or e-mail"
            value={search.value}
            onChange={search.onChange}
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
        <PagedResults
          query={users}
          loading={{ columns: 6, label: 'Loading users' }}
          errorTitle="Could not load users"
          empty={
            <EmptyState title={q ? 'No one matches your search' : 'No users yet'} icon={<IconUsers size={28} />}>
              {q ? 'Try another name or e-mail address, or another role.' : 'People who sign up will appear here.'}
            </EmptyState>
          }
          pager={{ page, limit: LIMIT, noun: 'people', onChange: setPage }}
        >
          {(items) => <UsersTable users={items} onBlock={setBlocking} onUnblock={setUnblocking} />}
        </PagedResults>
      </Stack>
      <BlockUserModal user={blocking} onClose={() => setBlocking(null)} />
      <UnblockUserModal user={unblocking} onClose={() => setUnblocking(null)} />
    </>
  );
}
