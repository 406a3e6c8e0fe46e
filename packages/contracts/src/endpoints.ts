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
import { CreateUploadRequest, CreateUploadResponse, FileUrlResponse } from './files.ts';
import {
  AdminKycDetails,
  AuditLog,
  AuditLogQuery,
  BlockUserRequest,
  DoctorSearchQuery,
  DoctorSearchResult,
  KycDecisionRequest,
  KycQueue,
  KycQueueQuery,
  OwnDoctorResponse,
  PublicDoctorResponse,
  SpecialtyList,
  SubmitKycRequest,
  UpdateDoctorProfileRequest,
} from './doctors.ts';
import { z } from 'zod';
import { AvailabilityRules, SlotsQuery, SlotsResponse } from './scheduling.ts';
import {
  AppointmentList,
  AppointmentListQuery,
  AppointmentResponse,
  BookAppointmentRequest,
  CancelAppointmentRequest,
  RescheduleAppointmentRequest,
} from './appointments.ts';

const AdminUserResponse = z.object({ user: AdminUserList.shape.items.element });

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
  { method: 'post', path: '/api/v1/uploads', summary: 'Get a presigned PUT URL for a file', tag: 'Files', access: ['patient', 'doctor'], body: CreateUploadRequest, response: { status: 201, schema: CreateUploadResponse } },
  { method: 'get', path: '/api/v1/files/:id/url', summary: 'A short-lived download link (owner, admin; anyone for avatars)', tag: 'Files', access: 'user', response: { status: 200, schema: FileUrlResponse } },
  { method: 'get', path: '/api/v1/specialties', summary: 'All specialties', tag: 'Doctors', access: 'public', response: { status: 200, schema: SpecialtyList } },
  { method: 'get', path: '/api/v1/doctors/me', summary: "The doctor's own record with KYC status", tag: 'Doctors', access: ['doctor'], response: { status: 200, schema: OwnDoctorResponse } },
  { method: 'put', path: '/api/v1/doctors/me/profile', summary: 'Save the professional profile', tag: 'Doctors', access: ['doctor'], body: UpdateDoctorProfileRequest, response: { status: 200, schema: OwnDoctorResponse } },
  { method: 'put', path: '/api/v1/doctors/me/kyc', summary: 'Submit KYC details and documents', tag: 'Doctors', access: ['doctor'], body: SubmitKycRequest, response: { status: 200, schema: OwnDoctorResponse } },
  { method: 'get', path: '/api/v1/doctors', summary: 'Search approved, unblocked doctors', tag: 'Doctors', access: 'public', query: DoctorSearchQuery, response: { status: 200, schema: DoctorSearchResult } },
  { method: 'get', path: '/api/v1/doctors/:id', summary: "A listed doctor's public profile", tag: 'Doctors', access: 'public', response: { status: 200, schema: PublicDoctorResponse } },
  { method: 'get', path: '/api/v1/admin/kyc', summary: 'KYC queue by status, with counts', tag: 'Admin', access: ['admin'], query: KycQueueQuery, response: { status: 200, schema: KycQueue } },
  { method: 'get', path: '/api/v1/admin/doctors/:id/kyc', summary: 'KYC details with short-lived document links', tag: 'Admin', access: ['admin'], response: { status: 200, schema: AdminKycDetails } },
  { method: 'post', path: '/api/v1/admin/doctors/:id/kyc/decision', summary: 'Approve, reject or ask for resubmission', tag: 'Admin', access: ['admin'], body: KycDecisionRequest, response: { status: 200, schema: OwnDoctorResponse } },
  { method: 'post', path: '/api/v1/admin/users/:id/block', summary: 'Block an account; its sessions end at once', tag: 'Admin', access: ['admin'], body: BlockUserRequest, response: { status: 200, schema: AdminUserResponse } },
  { method: 'post', path: '/api/v1/admin/users/:id/unblock', summary: 'Unblock an account', tag: 'Admin', access: ['admin'], response: { status: 200, schema: AdminUserResponse } },
  { method: 'get', path: '/api/v1/admin/audit-log', summary: 'The append-only audit log', tag: 'Admin', access: ['admin'], query: AuditLogQuery, response: { status: 200, schema: AuditLog } },
  { method: 'post', path: '/api/v1/uploads', summary: 'Get a presigned PUT URL for a file', tag: 'Files', access: ['patient', 'doctor'], body: CreateUploadRequest, response: { status: 201, schema: CreateUploadResponse } },
  { method: 'get', path: '/api/v1/files/:id/url', summary: 'A short-lived download link (owner, admin; anyone for avatars)', tag: 'Files', access: 'user', response: { status: 200, schema: FileUrlResponse } },
  { method: 'get', path: '/api/v1/specialties', summary: 'All specialties', tag: 'Doctors', access: 'public', response: { status: 200, schema: SpecialtyList } },
  { method: 'get', path: '/api/v1/doctors/me', summary: "The doctor's own record with KYC status", tag: 'Doctors', access: ['doctor'], response: { status: 200, schema: OwnDoctorResponse } },
  { method: 'put', path: '/api/v1/doctors/me/profile', summary: 'Save the professional profile', tag: 'Doctors', access: ['doctor'], body: UpdateDoctorProfileRequest, response: { status: 200, schema: OwnDoctorResponse } },
  { method: 'put', path: '/api/v1/doctors/me/kyc', summary: 'Submit KYC details and documents', tag: 'Doctors', access: ['doctor'], body: SubmitKycRequest, response: { status: 200, schema: OwnDoctorResponse } },
  { method: 'get', path: '/api/v1/doctors', summary: 'Search approved, unblocked doctors', tag: 'Doctors', access: 'public', query: DoctorSearchQuery, response: { status: 200, schema: DoctorSearchResult } },
  { method: 'get', path: '/api/v1/doctors/:id', summary: "A listed doctor's public profile", tag: 'Doctors', access: 'public', response: { status: 200, schema: PublicDoctorResponse } },
  { method: 'get', path: '/api/v1/admin/kyc', summary: 'KYC queue by status, with counts', tag: 'Admin', access: ['admin'], query: KycQueueQuery, response: { status: 200, schema: KycQueue } },
  { method: 'get', path: '/api/v1/admin/doctors/:id/kyc', summary: 'KYC details with short-lived document links', tag: 'Admin', access: ['admin'], response: { status: 200, schema: AdminKycDetails } },
  { method: 'post', path: '/api/v1/admin/doctors/:id/kyc/decision', summary: 'Approve, reject or ask for resubmission', tag: 'Admin', access: ['admin'], body: KycDecisionRequest, response: { status: 200, schema: OwnDoctorResponse } },
  { method: 'post', path: '/api/v1/admin/users/:id/block', summary: 'Block an account; its sessions end at once', tag: 'Admin', access: ['admin'], body: BlockUserRequest, response: { status: 200, schema: AdminUserResponse } },
  { method: 'post', path: '/api/v1/admin/users/:id/unblock', summary: 'Unblock an account', tag: 'Admin', access: ['admin'], response: { status: 200, schema: AdminUserResponse } },
  { method: 'get', path: '/api/v1/admin/audit-log', summary: 'The append-only audit log', tag: 'Admin', access: ['admin'], query: AuditLogQuery, response: { status: 200, schema: AuditLog } },
  { method: 'put', path: '/api/v1/doctors/me/availability', summary: 'Publish weekly hours, slot length, buffer, notice, horizon and date overrides', tag: 'Scheduling', access: ['doctor'], body: AvailabilityRules, response: { status: 200, schema: AvailabilityRules } },
  { method: 'get', path: '/api/v1/doctors/me/availability', summary: 'The availability rules', tag: 'Scheduling', access: ['doctor'], response: { status: 200, schema: AvailabilityRules } },
  { method: 'get', path: '/api/v1/doctors/me/availability/preview', summary: 'The next days of free slots under the saved rules', tag: 'Scheduling', access: ['doctor'], query: z.object({ days: z.coerce.number().int().min(1).max(31).optional() }), response: { status: 200, schema: SlotsResponse } },
  { method: 'get', path: '/api/v1/doctors/:id/slots', summary: "A listed doctor's free slots, grouped by date in the viewer's zone", tag: 'Scheduling', access: 'public', query: SlotsQuery, response: { status: 200, schema: SlotsResponse } },
  { method: 'post', path: '/api/v1/appointments', summary: 'Book a slot (header Idempotency-Key replays the first result)', tag: 'Appointments', access: ['patient'], body: BookAppointmentRequest, response: { status: 201, schema: AppointmentResponse } },
  { method: 'get', path: '/api/v1/appointments', summary: "The caller's upcoming or past appointments", tag: 'Appointments', access: 'user', query: AppointmentListQuery, response: { status: 200, schema: AppointmentList } },
  { method: 'get', path: '/api/v1/appointments/:id', summary: 'One appointment (its patient, its doctor, admins)', tag: 'Appointments', access: 'user', response: { status: 200, schema: AppointmentResponse } },
  { method: 'post', path: '/api/v1/appointments/:id/cancel', summary: 'Cancel within the policy window; the time is free again', tag: 'Appointments', access: 'user', body: CancelAppointmentRequest, response: { status: 200, schema: AppointmentResponse } },
  { method: 'post', path: '/api/v1/appointments/:id/reschedule', summary: 'Move to another offered slot (patient)', tag: 'Appointments', access: ['patient'], body: RescheduleAppointmentRequest, response: { status: 200, schema: AppointmentResponse } },
  { method: 'post', path: '/api/v1/appointments/:id/complete', summary: 'Mark completed (doctor, after the start)', tag: 'Appointments', access: ['doctor'], response: { status: 200, schema: AppointmentResponse } },
  { method: 'post', path: '/api/v1/appointments/:id/no-show', summary: 'Mark no-show (doctor, after the start)', tag: 'Appointments', access: ['doctor'], response: { status: 200, schema: AppointmentResponse } },
  { method: 'get', path: '/api/v1/appointments/:id/calendar.ics', summary: 'The appointment as an iCalendar file', tag: 'Appointments', access: 'user', response: { status: 200, schema: z.string(), contentType: 'text/calendar' } },
];
