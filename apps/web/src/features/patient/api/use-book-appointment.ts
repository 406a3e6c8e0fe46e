import type { Appointment, BookAppointmentRequest } from '@doctime/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { APPOINTMENTS_API, useAppointmentChanged } from '../../../lib/appointments';

export interface BookAppointmentVariables {
  body: BookAppointmentRequest;
  /** One key per booking attempt; a retry of the same attempt reuses it, so it never books twice. */
  idempotencyKey: string;
}

/** POST /appointments: books a free slot (409 SLOT_UNAVAILABLE when someone was quicker). */
export function useBookAppointment() {
  const changed = useAppointmentChanged();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: BookAppointmentVariables) =>
      api.post<{ appointment: Appointment }>(APPOINTMENTS_API.list, body, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (data) => changed(data.appointment),
  });
}
