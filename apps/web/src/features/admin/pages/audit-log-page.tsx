import { Group, Select, Stack, TextInput } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { EmptyState } from '../../../components/empty-state';
import { PageTitle } from '../../../components/page-title';
import { PagedResults } from '../../../components/paged-results';
import { usePageParam } from '../../../lib/page-param';
import { useDebouncedParam, useUrlParams } from '../../../lib/url-state';
import { useAuditLog } from '../api/use-audit-log';
import { AUDIT_ACTIONS, AuditLogTable } from '../components/audit-log-table';

const LIMIT = 50;
const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS).map(([value, { label }]) => ({ value, label }));

/** /admin/audit-log?action=&target=&page=: the record of administrative decisions. */
export function AuditLogPage() {
  const [params, setParams] = useUrlParams();
  const target = useDebouncedParam('target');
  const action = params.get('action') ?? '';
  const [page, setPage] = usePageParam();
  const targetId = target.debounced.trim();
  const log = useAuditLog({ action: action || undefined, targetId: targetId || undefined, page, limit: LIMIT });
  const filtered = !!(action || targetId);

  return (
    <>
      <PageTitle description="Who did or viewed what, when, and from where.">Audit log</PageTitle>
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label="Filter by action"
            placeholder="All actions"
            data={ACTION_OPTIONS}
            value={action || null}
            onChange={(value) => setParams({ action: value })}
            clearable
            size="sm"
            style={{ flex: '1 1 220px' }}
          />
          <TextInput
            label="Filter by target"
            size="sm"
            placeholder="User, doctor or appointment id"
            value={target.value}
            onChange={(event) => target.onChange(event.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
          />
        </Group>
        <PagedResults
          query={log}
          loading={{ columns: 6, label: 'Loading the audit log' }}
          errorTitle="Could not load the audit log"
          empty={
            <EmptyState title={filtered ? 'No entries match these filters' : 'No activity yet'} icon={<IconHistory size={28} />}>
              {filtered
                ? 'Try another action or clear the target filter.'
                : 'Verification decisions, blocked accounts and views of health data will be recorded here.'}
            </EmptyState>
          }
          pager={{ page, limit: LIMIT, noun: 'entries', onChange: setPage }}
        >
          {(items) => <AuditLogTable items={items} />}
        </PagedResults>
      </Stack>
    </>
  );
}
