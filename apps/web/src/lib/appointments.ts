import type { Appointment, AppointmentList, AppointmentStatus } from '@doctime/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from './api-client';
import { saveFile } from './save-file';
import { readChoice, readPage, useUrlParams } from './url-state';

/**
 * Appointments as both sides see them: the patient's bookings and the
 * doctor's schedule share the same endpoints, list and status rules.
 */

export const APPOINTMENTS_API = {
  list: '/api/v1/appointments',
  one: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}`,
  calendar: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/calendar.ics`,
  cancel: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/cancel`,
  reschedule: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/reschedule`,
  complete: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/complete`,
  noShow: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/no-show`,
  earlier: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/earlier`,
  videoJoin: (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}/video/join`,
} as const;

export const APPOINTMENTS_KEY = ['appointments'] as const;
export const appointmentKey = (id: string) => ['appointments', 'one', id] as const;
/** Every slot list of one doctor (all dates and zones). */
export const doctorSlotsKey = (doctorId: string) => ['slots', doctorId] as const;

/** Patients and doctors may change an appointment up to this long before it starts. */
export const CHANGE_WINDOW_HOURS = 4;
export const CHANGES_CLOSED_HINT = `Changes close ${CHANGE_WINDOW_HOURS} hours before the start`;

/** Shown when a chosen time was booked by someone else first (409 SLOT_UNAVAILABLE). */
export const SLOT_TAKEN_MESSAGE = 'Sorry, that time was just taken. Here are the latest free times.';

export function isSlotTaken(error: unknown): boolean {
  return isApiError(error) && error.code === 'SLOT_UNAVAILABLE';
}

export const APPOINTMENT_STATUS_LABEL: Record<AppointmentStatus, string> = {
  pending_payment: 'Awaiting payment',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show: 'No-show',
};

export const APPOINTMENT_STATUS_COLOR: Record<AppointmentStatus, string> = {
  pending_payment: 'yellow',
  confirmed: 'blue',
  cancelled: 'red',
  completed: 'green',
  no_show: 'orange',
};

export type AppointmentScope = 'upcoming' | 'past';

export interface AppointmentListParams {
  scope: AppointmentScope;
  status?: AppointmentStatus | undefined;
  page: number;
  limit: number;
}

function listQueryString(params: AppointmentListParams): string {
  const search = new URLSearchParams({ scope: params.scope, page: String(params.page), limit: String(params.limit) });
  if (params.status) search.set('status', params.status);
  return search.toString();
}

/** GET /appointments: the caller's own appointments (patient or doctor), soonest first for upcoming. */
export function useAppointments(params: AppointmentListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...APPOINTMENTS_KEY, 'list', params],
    queryFn: ({ signal }) => api.get<AppointmentList>(`${APPOINTMENTS_API.list}?${listQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** GET /appointments/:id. */
export function useAppointment(id: string) {
  return useQuery({
    queryKey: appointmentKey(id),
    queryFn: ({ signal }) => api.get<{ appointment: Appointment }>(APPOINTMENTS_API.one(id), { signal }),
    select: (data) => data.appointment,
    enabled: id !== '',
  });
}

/**
 * After any change: the changed appointment is cached as answered, every list
 * and the doctor's free slots are fetched again.
 */
export function useAppointmentChanged() {
  const queryClient = useQueryClient();
  return (appointment: Appointment) => {
    queryClient.setQueryData(appointmentKey(appointment.id), { appointment });
    void queryClient.invalidateQueries({ queryKey: [...APPOINTMENTS_KEY, 'list'] });
    void queryClient.invalidateQueries({ queryKey: doctorSlotsKey(appointment.doctorId) });
  };
}

/** POST /appointments/:id/cancel {reason}: either side, until the policy window closes. */
export function useCancelAppointment() {
  const changed = useAppointmentChanged();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<{ appointment: Appointment }>(APPOINTMENTS_API.cancel(id), { reason }),
    onSuccess: (data) => changed(data.appointment),
  });
}

export type Outcome = 'completed' | 'no_show';

/** POST /appointments/:id/complete or /no-show: the doctor, only after the start. */
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

/** True while cancel and reschedule are still open. */
export function isChangeable(appointment: Pick<Appointment, 'status' | 'changeableUntil'>, now: number): boolean {
  return appointment.status === 'confirmed' && new Date(appointment.changeableUntil).getTime() > now;
}

/** True once a confirmed appointment has started: the doctor can record how it went. */
export function awaitsOutcome(appointment: Pick<Appointment, 'status' | 'start'>, now: number): boolean {
  return appointment.status === 'confirmed' && new Date(appointment.start).getTime() <= now;
}

/**
 * Downloads the appointment's calendar file. The endpoint needs the access
 * token, so it is fetched through the API client and saved from a Blob.
 */
export async function downloadAppointmentCalendar(id: string, fileName = 'appointment.ics'): Promise<void> {
  const text = await api.get<unknown>(APPOINTMENTS_API.calendar(id), { headers: { Accept: 'text/calendar' } });
  saveFile(new Blob([typeof text === 'string' ? text : String(text ?? '')], { type: 'text/calendar;charset=utf-8' }), fileName);
}

/** A fresh key for one booking attempt (reused when the same attempt is retried). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Plain-HTTP origins other than localhost have no randomUUID: build a v4 UUID by hand.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const SCOPES: readonly AppointmentScope[] = ['upcoming', 'past'];

/**
 * The appointment list's tab and page, kept in the URL (`?tab=past&page=2`).
 * Switching tabs starts again at page 1 with no status filter.
 */
export function useAppointmentTabParams() {
  const [params, setParams] = useUrlParams();
  return {
    params,
    setParams,
    scope: readChoice(params, 'tab', SCOPES, 'upcoming'),
    page: readPage(params),
    setScope: (scope: AppointmentScope) => setParams({ tab: scope === 'past' ? 'past' : null, status: null, page: null }),
    setPage: (page: number) => {
      setParams({ page: page === 1 ? null : page });
      window.scrollTo({ top: 0, behavior: 'smooth' });
    },
  };
}

/** The consultation room of an appointment, for its patient or doctor. */
export const consultationRoomPath = (role: 'patient' | 'doctor', id: string) =>
  `/${role}/appointments/${encodeURIComponent(id)}/room`;
