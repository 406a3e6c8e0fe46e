export const DOCTOR_API = {
  me: '/api/v1/doctors/me',
  profile: '/api/v1/doctors/me/profile',
  kyc: '/api/v1/doctors/me/kyc',
  fileUrl: (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}/url`,
} as const;

export const OWN_DOCTOR_KEY = ['doctors', 'me'] as const;
