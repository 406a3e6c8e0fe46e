export const PATIENT_API = {
  doctors: '/api/v1/doctors',
  doctor: (id: string) => `/api/v1/doctors/${encodeURIComponent(id)}`,
} as const;
