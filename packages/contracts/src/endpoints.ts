import type { z } from 'zod';
import {
  AdminUserList,
  AdminUserQuery,
  ChangePasswordRequest,
  EmailOnlyRequest,
  LoginRequest,
  LoginResponse,
  OkResponse,
  RefreshResponse,
  RegisterRequest,
  ResetPasswordRequest,
  UserResponse,
  VerifyEmailRequest,
  type Role,
} from './identity.ts';

/**
 * The catalogue of HTTP endpoints: the single description the OpenAPI document
 * is generated from. Routers validate with the same schemas.
 */
export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** `public`, any signed-in user (`user`), or the roles allowed. */
  access: 'public' | 'user' | readonly Role[];
  body?: z.ZodType;
  query?: z.ZodObject;
  response: { status: number; schema?: z.ZodType; contentType?: string };
}

export const endpoints: Endpoint[] = [
  { method: 'post', path: '/api/v1/auth/register', summary: 'Register a patient or doctor', tag: 'Identity', access: 'public', body: RegisterRequest, response: { status: 201, schema: UserResponse } },
  { method: 'post', path: '/api/v1/auth/verify-email', summary: 'Verify the e-mail with the 6-digit code', tag: 'Identity', access: 'public', body: VerifyEmailRequest, response: { status: 200, schema: OkResponse } },
  { method: 'post', path: '/api/v1/auth/resend-verification', summary: 'Send a new verification code', tag: 'Identity', access: 'public', body: EmailOnlyRequest, response: { status: 202 } },
  { method: 'post', path: '/api/v1/auth/login', summary: 'Log in; sets the refresh cookie', tag: 'Identity', access: 'public', body: LoginRequest, response: { status: 200, schema: LoginResponse } },
  { method: 'post', path: '/api/v1/auth/refresh', summary: 'Rotate the refresh cookie and get a new access token', tag: 'Identity', access: 'public', response: { status: 200, schema: RefreshResponse } },
  { method: 'post', path: '/api/v1/auth/logout', summary: 'End this session', tag: 'Identity', access: 'public', response: { status: 204 } },
  { method: 'post', path: '/api/v1/auth/forgot-password', summary: 'E-mail a password reset code', tag: 'Identity', access: 'public', body: EmailOnlyRequest, response: { status: 202 } },
  { method: 'post', path: '/api/v1/auth/reset-password', summary: 'Set a new password with the e-mailed code', tag: 'Identity', access: 'public', body: ResetPasswordRequest, response: { status: 200, schema: OkResponse } },
  { method: 'post', path: '/api/v1/auth/change-password', summary: 'Change the password; other sessions end', tag: 'Identity', access: 'user', body: ChangePasswordRequest, response: { status: 200, schema: OkResponse } },
  { method: 'get', path: '/api/v1/admin/users', summary: 'Search patients, doctors and admins', tag: 'Admin', access: ['admin'], query: AdminUserQuery, response: { status: 200, schema: AdminUserList } },
  { method: 'get', path: '/api/v1/me', summary: 'The signed-in user', tag: 'Identity', access: 'user', response: { status: 200, schema: UserResponse } },
];
