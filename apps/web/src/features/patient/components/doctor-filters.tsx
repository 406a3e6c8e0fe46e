import { genders } from '@doctime/contracts';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { capitalize } from '../../../lib/format';
import { COMMON_LANGUAGES } from '../../../lib/languages';
import { SORT_OPTIONS, type useSearchFilters } from '../hooks/use-search-filters';
import { SpecialtyChips } from './specialty-chips';

const GENDER_OPTIONS = genders.map((value) => ({ value, label: capitalize(value) }));
const LANGUAGE_OPTIONS = [...COMMON_LANGUAGES];

/** Search box, specialty chips and the filter row of the doctor search. */
export function DoctorFilters({ state }: { state: ReturnType<typeof useSearchFilters> }) {
  const { filters, search, maxFeeInput, set, active, clear } = state;
  return (
    <Stack gap="md">
      <TextInput
        label="Search doctors"
        placeholder="Name, specialty or condition"
        type="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search.value}
        onChange={(event) => search.onChange(event.currentTarget.value)}
      />
      <SpecialtyChips value={filters.specialtyId} onChange={(specialtyId) => set({ specialty: specialtyId })} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="md">
        <Select
          label="Language"
          placeholder="Any language"
          data={LANGUAGE_OPTIONS}
          value={filters.language || null}
          onChange={(value) => set({ language: value })}
          searchable
          clearable
          size="sm"
        />
        <NumberInput
          label="Max fee"
          placeholder="Any fee"
          min={0}
          allowNegative={false}
          thousandSeparator=","
          value={maxFeeInput.value}
          onChange={(value) => maxFeeInput.onChange(value === '' ? '' : String(value))}
          size="sm"
        />
        <Select
          label="Gender"
          placeholder="Any gender"
          data={GENDER_OPTIONS}
          value={filters.gender || null}
          onChange={(value) => set({ gender: value })}
          clearable
          size="sm"
        />
        <TextInput
          label="Available on"
          type="date"
          min={new Date().toISOString().slice(0, 10)}
          value={filters.availableOn}
          onChange={(event) => set({ availableOn: event.currentTarget.value || null })}
          size="sm"
        />
        <Select
          label="Sort by"
          data={SORT_OPTIONS}
          value={filters.sort}
          onChange={(value) => set({ sort: value === 'relevance' ? null : value })}
          allowDeselect={false}
          size="sm"
        />
      </SimpleGrid>
      {active ? (
        <Group justify="flex-end">
          <Button variant="subtle" size="xs" leftSection={<IconX size={14} aria-hidden />} onClick={clear}>
            Clear filters
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
