import type { KycStatus } from '@doctime/contracts';
import { Badge, Tabs } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { EmptyState } from '../../../components/empty-state';
import { PageTitle } from '../../../components/page-title';
import { PagedResults } from '../../../components/paged-results';
import { usePageParam } from '../../../lib/page-param';
import { readChoice, useUrlParams } from '../../../lib/url-state';
import { useKycQueue } from '../api/use-kyc-queue';
import { KycQueueTable } from '../components/kyc-queue-table';

const LIMIT = 20;

const STATUSES = [
  { value: 'pending', label: 'Pending', empty: 'No applications waiting', color: 'yellow' },
  { value: 'resubmission_requested', label: 'Resubmission requested', empty: 'No resubmissions outstanding', color: 'orange' },
  { value: 'approved', label: 'Approved', empty: 'No approved doctors yet', color: 'green' },
  { value: 'rejected', label: 'Rejected', empty: 'No rejected applications', color: 'red' },
] as const satisfies readonly { value: KycStatus; label: string; empty: string; color: string }[];

type QueueStatus = (typeof STATUSES)[number]['value'];
const STATUS_VALUES = STATUSES.map((s) => s.value);

/** /admin/kyc?status=pending&page=1: doctors' applications by status. */
export function KycQueuePage() {
  const [params, setParams] = useUrlParams();
  const status = readChoice<QueueStatus>(params, 'status', STATUS_VALUES, 'pending');
  const [page, setPage] = usePageParam();
  const queue = useKycQueue({ status, page, limit: LIMIT });
  const counts = queue.data?.counts;
  const current = STATUSES.find((s) => s.value === status) ?? STATUSES[0];

  // Rendered in the open tab only: every tab shows the same query, for its own status.
  const results = (
    <PagedResults
      query={queue}
      loading={{ columns: 4, label: 'Loading applications' }}
      errorTitle="Could not load the queue"
      empty={
        <EmptyState title={current.empty} icon={<IconInbox size={28} />}>
          {status === 'pending'
            ? 'New submissions from doctors will appear here.'
            : 'Applications with this status will appear here.'}
        </EmptyState>
      }
      pager={{ page, limit: LIMIT, noun: 'applications', onChange: setPage }}
    >
      {(items) => <KycQueueTable items={items} />}
    </PagedResults>
  );

  return (
    <>
      <PageTitle description="Doctors waiting for verification, and past decisions.">KYC queue</PageTitle>
      <Tabs value={status} onChange={(value) => setParams({ status: value === 'pending' ? null : value })} keepMounted={false}>
        <Tabs.List mb="md">
          {STATUSES.map((s) => (
            <Tabs.Tab
              key={s.value}
              value={s.value}
              rightSection={
                counts ? (
                  <Badge size="sm" variant={s.value === status ? 'filled' : 'light'} color={s.color}>
                    {counts[s.value] ?? 0}
                  </Badge>
                ) : null
              }
            >
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {STATUSES.map((s) => (
          <Tabs.Panel key={s.value} value={s.value}>
            {s.value === status ? results : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
