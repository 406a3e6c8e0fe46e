import type { DoctorSearch, DoctorsDeps } from './ports.ts';
import { toPublicDoctor } from './doctor-views.ts';

export interface SearchDoctorsInput {
  q?: string | undefined;
  specialtyId?: string | undefined;
  language?: string | undefined;
  gender?: DoctorSearch['gender'];
  maxFee?: number | undefined;
  sort: DoctorSearch['sort'];
  page: number;
  limit: number;
  /** YYYY-MM-DD in `tz`: only doctors with a free slot that day. */
  availableOn?: string | undefined;
  tz?: string | undefined;
}

export function makeSearchDoctors(deps: DoctorsDeps) {
  return async function searchDoctors(input: SearchDoctorsInput) {
    const onlyIds = input.availableOn
      ? await deps.availability.doctorsAvailableOn(input.availableOn, input.tz ?? 'UTC')
      : undefined;
    const { items, total } = await deps.doctors.searchListed({
      text: input.q || undefined,
      specialtyId: input.specialtyId,
      language: input.language,
      gender: input.gender,
      maxFee: input.maxFee,
      ids: onlyIds,
      sort: input.sort,
      skip: (input.page - 1) * input.limit,
      limit: input.limit,
    });
    return {
      items: await Promise.all(items.map((d) => toPublicDoctor(deps, d))),
      total,
      page: input.page,
      limit: input.limit,
    };
  };
}
