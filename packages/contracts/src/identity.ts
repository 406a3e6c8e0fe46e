import { z } from 'zod';
import { trimmedText } from './common.ts';

export const roles = ['patient', 'doctor', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** The httpOnly cookie that carries the refresh token (path /api/v1/auth). */
export const REFRESH_COOKIE = 'dt_refresh';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Checked after trimming and lower-casing; `check` (not `pipe`) keeps the format and pattern in OpenAPI. */
const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'E-mail is too long')
  .check(z.email({ message: 'Enter a valid e-mail address' }));

/** Shape rules only; the common-password check needs the server's list. */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

const Code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code');

export const RegisterRequest = z
  .object({
    role: z.enum(['patient', 'doctor'], { message: 'Choose patient or doctor' }),
    name: trimmedText(2, 100, { min: 'Enter your full name', max: 'Name is too long' }),
    email: Email,
    password: NewPassword,
    phone: z
      .string()
      .trim()
      // Blanks only inside, so trimming never shortens a number the pattern accepts.
      .regex(/^\+?[0-9()-][0-9 ()-]{5,18}[0-9()-]$/, 'Enter a valid phone number')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .meta({ id: 'RegisterRequest' });
export type RegisterRequest = z.input<typeof RegisterRequest>;

export const User = z
  .object({
    id: z.string(),
    role: Role,
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    phone: z.string().optional(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserResponse = z.object({ user: User });

export const VerifyEmailRequest = z.object({ email: Email, code: Code }).meta({ id: 'VerifyEmailRequest' });
export const EmailOnlyRequest = z.object({ email: Email }).meta({ id: 'EmailOnlyRequest' });

export const LoginRequest = z
  .object({ email: Email, password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH) })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.input<typeof LoginRequest>;

export const LoginResponse = z.object({ accessToken: z.string(), user: User }).meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const RefreshResponse = z.object({ accessToken: z.string() }).meta({ id: 'RefreshResponse' });

export const ResetPasswordRequest = z
  .object({ email: Email, code: Code, newPassword: NewPassword })
  .meta({ id: 'ResetPasswordRequest' });

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(PASSWORD_MAX_LENGTH),
    newPassword: NewPassword,
  })
  .meta({ id: 'ChangePasswordRequest' });

export const OkResponse = z.object({ ok: z.literal(true) });

export const AdminUserQuery = z.object({
  role: z.enum(['patient', 'doctor', 'admin']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const AdminUser = User.extend({
  blocked: z.boolean(),
  blockedReason: z.string().optional(),
  createdAt: z.string(),
}).meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUserList = z.object({
  items: z.array(AdminUser),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
});
