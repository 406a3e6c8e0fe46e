import type { Appointment } from '@doctime/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { APPOINTMENTS_API, useAppointmentChanged } from '../../../lib/appointments';
import { AVAILABILITY_PREVIEW_KEY } from './paths';

export type Outcome = 'completed' | 'no_show';

/** POST /appointments/:id/complete or /no-show: only after the start. */
export function useRecordOutcome() {
  const changed = useAppointmentChanged();
  return useMutation({
    mutationFn: ({ id, outcome }: { id: string; outcome: Outcome }) =>
      api.post<{ appointment: Appointment }>(
        outcome === 'completed' ? APPOINTMENTS_API.complete(id) : APPOINTMENTS_API.noShow(id),
      ),
    onSuccess: (data) => changed(data.appointment),
  });
}

/** A cancelled appointment frees its time: the availability preview changes too. */
export function useRefreshPreview() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: AVAILABILITY_PREVIEW_KEY });
}
