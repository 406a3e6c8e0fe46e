import type { Role, User as PublicUser } from '@doctime/contracts';

export interface User {
  id: string;
  role: Role;
  name: string;
  email: string;
  phone?: string;
  passwordHash: string;
  emailVerified: boolean;
  blocked: { at: Date; reason: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Why a user with the right password still may not sign in, or null. */
export function loginBlocker(user: User): 'ACCOUNT_BLOCKED' | 'EMAIL_NOT_VERIFIED' | null {
  if (user.blocked) return 'ACCOUNT_BLOCKED';
  if (!user.emailVerified) return 'EMAIL_NOT_VERIFIED';
  return null;
}

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified,
    ...(user.phone ? { phone: user.phone } : {}),
  };
}
