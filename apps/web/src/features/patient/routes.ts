/** Paths of the patient's pages, for links and redirects. */
export const PATIENT_ROUTES = {
  findDoctor: '/patient/doctors',
  doctor: (doctorId: string) => `/patient/doctors/${encodeURIComponent(doctorId)}`,
  appointments: '/patient/appointments',
  appointment: (id: string) => `/patient/appointments/${encodeURIComponent(id)}`,
} as const;
