import type { EarlierAppointments } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { APPOINTMENTS_API } from '../../../lib/appointments';

/** GET /appointments/:id/earlier: the patient's earlier appointments with this doctor. */
export function useEarlierAppointments(id: string) {
  return useQuery({
    queryKey: ['appointments', 'earlier', id],
    queryFn: ({ signal }) => api.get<EarlierAppointments>(APPOINTMENTS_API.earlier(id), { signal }),
  });
}
