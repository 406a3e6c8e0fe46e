import type { SlotsResponse } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { doctorSlotsKey } from '../../lib/appointments';

export interface DoctorSlotsParams {
  doctorId: string;
  /** First and last date (YYYY-MM-DD) in `timeZone`, both included. */
  from: string;
  to: string;
  timeZone: string;
}

/** GET /doctors/:id/slots: the doctor's free slots, grouped by dates in the viewer's zone. */
export function useDoctorSlots({ doctorId, from, to, timeZone }: DoctorSlotsParams, options: { enabled?: boolean } = {}) {
  const search = new URLSearchParams({ from, to, tz: timeZone });
  return useQuery({
    queryKey: [...doctorSlotsKey(doctorId), from, to, timeZone],
    queryFn: ({ signal }) =>
      api.get<SlotsResponse>(`/api/v1/doctors/${encodeURIComponent(doctorId)}/slots?${search.toString()}`, { signal }),
    enabled: (options.enabled ?? true) && doctorId !== '',
    // Other patients book all the time: keep the list fresh while it is on screen.
    staleTime: 15_000,
    refetchInterval: 60_000,
  });
}
