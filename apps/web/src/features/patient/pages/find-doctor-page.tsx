import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconStethoscope } from '@tabler/icons-react';
import { useLocation } from 'react-router';
import { browserTimeZone } from '../../../lib/time-zones';
import { EmptyState } from '../../../components/empty-state';
import { LoadError } from '../../../components/load-error';
import { PageTitle } from '../../../components/page-title';
import { PaginationBar } from '../../../components/pagination-bar';
import { pathOf } from '../../../lib/redirect-state';
import { useDoctorSearch } from '../api/use-doctor-search';
import { DoctorFilters } from '../components/doctor-filters';
import { DoctorResultCard } from '../components/doctor-result-card';
import { DoctorResultSkeleton } from '../components/doctor-result-skeleton';
import { useSearchFilters } from '../hooks/use-search-filters';

const LIMIT = 12;

/** /patient/doctors: search verified doctors; every filter lives in the URL. */
export function FindDoctorPage() {
  const location = useLocation();
  const state = useSearchFilters();
  const { filters } = state;
  const results = useDoctorSearch({
    q: filters.q || undefined,
    specialtyId: filters.specialtyId || undefined,
    language: filters.language || undefined,
    gender: filters.gender || undefined,
    maxFee: filters.maxFee,
    availableOn: filters.availableOn || undefined,
    tz: filters.availableOn ? browserTimeZone() : undefined,
    sort: filters.sort,
    page: filters.page,
    limit: LIMIT,
  });

  let content;
  if (results.isPending) content = <DoctorResultSkeleton />;
  else if (results.isError)
    content = <LoadError error={results.error} title="Could not search doctors" onRetry={() => void results.refetch()} />;
  else if (results.data.items.length === 0)
    content = (
      <EmptyState
        title="No doctors match your search"
        icon={<IconStethoscope size={28} />}
        action={
          state.active ? (
            <Button variant="light" onClick={state.clear}>
              Clear filters
            </Button>
          ) : null
        }
      >
        {state.active ? 'Try fewer filters, another specialty or a higher fee limit.' : 'Verified doctors will appear here soon.'}
      </EmptyState>
    );
  else
    content = (
      <Stack gap="md">
        <Text size="sm" c="dimmed" aria-live="polite">
          {results.data.total === 1 ? '1 doctor found' : `${results.data.total} doctors found`}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {results.data.items.map((doctor) => (
            <DoctorResultCard key={doctor.id} doctor={doctor} from={pathOf(location)} />
          ))}
        </SimpleGrid>
        <PaginationBar
          page={filters.page}
          total={results.data.total}
          limit={LIMIT}
          noun="doctors"
          summary={false}
          onChange={(page) => {
            state.set({ page: page === 1 ? null : page });
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
        />
      </Stack>
    );

  return (
    <>
      <PageTitle description="Search verified doctors by name, specialty, language and fee.">Find a doctor</PageTitle>
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg">
          <DoctorFilters state={state} />
        </Card>
        <Group display="block" style={{ opacity: results.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
          {content}
        </Group>
      </Stack>
    </>
  );
}
