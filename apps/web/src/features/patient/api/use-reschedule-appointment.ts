import type { Appointment } from '@doctime/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { APPOINTMENTS_API, useAppointmentChanged } from '../../../lib/appointments';

/** POST /appointments/:id/reschedule {start}: moves the patient's appointment to another free slot. */
export function useRescheduleAppointment() {
  const changed = useAppointmentChanged();
  return useMutation({
    mutationFn: ({ id, start }: { id: string; start: string }) =>
      api.post<{ appointment: Appointment }>(APPOINTMENTS_API.reschedule(id), { start }),
    onSuccess: (data) => changed(data.appointment),
  });
}
