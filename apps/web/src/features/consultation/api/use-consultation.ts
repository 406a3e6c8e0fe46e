import type { Appointment, EarlierAppointments } from '@doctime/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { APPOINTMENTS_API, useAppointmentChanged } from '../../../lib/appointments';

/** GET /appointments/:id/earlier: the patient's earlier appointments with this doctor. */
export function useEarlierAppointments(id: string) {
  return useQuery({
    queryKey: ['appointments', 'earlier', id],
    queryFn: ({ signal }) => api.get<EarlierAppointments>(APPOINTMENTS_API.earlier(id), { signal }),
  });
}

/** POST /appointments/:id/complete, from the room (the doctor, after the start). */
export function useCompleteConsultation() {
  const changed = useAppointmentChanged();
  return useMutation({
    mutationFn: (id: string) => api.post<{ appointment: Appointment }>(APPOINTMENTS_API.complete(id)),
    onSuccess: (data) => changed(data.appointment),
  });
}
