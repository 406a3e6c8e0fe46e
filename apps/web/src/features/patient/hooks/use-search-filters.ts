import { doctorSorts, genders } from '@doctime/contracts';
import { readChoice, readPage, useDebouncedParam, useUrlParams } from '../../../lib/url-state';

export type DoctorSort = (typeof doctorSorts)[number];

export const SORT_OPTIONS: { value: DoctorSort; label: string }[] = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'fee_asc', label: 'Fee: low to high' },
  { value: 'fee_desc', label: 'Fee: high to low' },
  { value: 'experience_desc', label: 'Most experienced' },
  { value: 'name_asc', label: 'Name A–Z' },
];

export const ALL_SPECIALTIES = 'all';

/**
 * The doctor search filters, kept in the URL:
 * `?q=&specialty=&language=&gender=&maxFee=&availableOn=&sort=&page=`. Typed fields
 * (search, max fee) reach the URL 300 ms after the last keystroke.
 */
export function useSearchFilters() {
  const [params, set] = useUrlParams();
  const search = useDebouncedParam('q');
  const maxFeeInput = useDebouncedParam('maxFee');

  const maxFeeNumber = Number(maxFeeInput.debounced);
  const filters = {
    q: search.debounced.trim(),
    specialtyId: params.get('specialty') ?? '',
    language: params.get('language') ?? '',
    gender: readChoice(params, 'gender', [...genders, ''] as const, ''),
    maxFee: maxFeeInput.debounced !== '' && Number.isFinite(maxFeeNumber) && maxFeeNumber >= 0 ? maxFeeNumber : undefined,
    availableOn: /^\d{4}-\d{2}-\d{2}$/.test(params.get('availableOn') ?? '') ? params.get('availableOn')! : '',
    sort: readChoice(params, 'sort', doctorSorts, 'relevance'),
    page: readPage(params),
  };

  const active = !!(
    filters.q ||
    filters.specialtyId ||
    filters.language ||
    filters.gender ||
    filters.availableOn ||
    filters.maxFee !== undefined
  );

  const clear = () => {
    search.clear();
    maxFeeInput.clear();
    set({ q: null, specialty: null, language: null, gender: null, maxFee: null, availableOn: null, page: null });
  };

  return { filters, search, maxFeeInput, set, active, clear };
}
