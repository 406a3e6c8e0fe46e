const enc = encodeURIComponent;

export const ADMIN_API = {
  kycQueue: '/api/v1/admin/kyc',
  kycDetails: (doctorId: string) => `/api/v1/admin/doctors/${enc(doctorId)}/kyc`,
  kycDecision: (doctorId: string) => `/api/v1/admin/doctors/${enc(doctorId)}/kyc/decision`,
  users: '/api/v1/admin/users',
  block: (userId: string) => `/api/v1/admin/users/${enc(userId)}/block`,
  unblock: (userId: string) => `/api/v1/admin/users/${enc(userId)}/unblock`,
  auditLog: '/api/v1/admin/audit-log',
} as const;

export const ADMIN_KEYS = {
  kyc: ['admin', 'kyc'] as const,
  users: ['admin', 'users'] as const,
  auditLog: ['admin', 'audit-log'] as const,
};

/** `?a=1&b=x` from the values that are set. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
