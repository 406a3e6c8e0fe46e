export const DOCTOR_API = {
  me: '/api/v1/doctors/me',
  profile: '/api/v1/doctors/me/profile',
  kyc: '/api/v1/doctors/me/kyc',
  availability: '/api/v1/doctors/me/availability',
  availabilityPreview: (days: number) => `/api/v1/doctors/me/availability/preview?days=${days}`,
  fileUrl: (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}/url`,
} as const;

export const OWN_DOCTOR_KEY = ['doctors', 'me'] as const;
export const AVAILABILITY_KEY = ['availability', 'me'] as const;
export const AVAILABILITY_PREVIEW_KEY = ['availability', 'me', 'preview'] as const;
