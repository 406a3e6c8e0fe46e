import type { DoctorSearchResult } from '@doctime/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { PATIENT_API } from './paths';

export interface DoctorSearchParams {
  q?: string | undefined;
  specialtyId?: string | undefined;
  language?: string | undefined;
  gender?: string | undefined;
  maxFee?: number | undefined;
  /** YYYY-MM-DD in `tz`: only doctors with a free slot that day. */
  availableOn?: string | undefined;
  tz?: string | undefined;
  sort: string;
  page: number;
  limit: number;
}

function toQueryString(params: DoctorSearchParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  return search.toString();
}

/** GET /doctors: verified, listed doctors matching the filters. */
export function useDoctorSearch(params: DoctorSearchParams) {
  return useQuery({
    queryKey: ['doctors', 'search', params],
    queryFn: ({ signal }) => api.get<DoctorSearchResult>(`${PATIENT_API.doctors}?${toQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
