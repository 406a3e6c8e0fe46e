import { randomUUID } from 'node:crypto';
import { latestCode } from '../../apps/api/src/test-support/mailpit.ts';
import { PASSWORD, createAdminWithCliAsync, uniqueEmail } from './accounts.ts';
import { baseUrl } from './browser.ts';
import { samplePdf } from './ui.ts';

/** Setup through the public API (not the journey under test): quick, and still the real stack. */
async function call(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(baseUrl() + path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = res.headers.get('content-type')?.includes('json') ? await res.json() : undefined;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function verifiedAccount(role: 'patient' | 'doctor', name: string) {
  const email = uniqueEmail(role);
  await call('POST', '/api/v1/auth/register', { role, name, email, password: PASSWORD });
  await call('POST', '/api/v1/auth/verify-email', { email, code: await latestCode(email, 'verification') });
  const login = await call('POST', '/api/v1/auth/login', { email, password: PASSWORD });
  return { email, id: login.user.id as string, token: login.accessToken as string };
}

async function uploadPdf(token: string) {
  const created = await call(
    'POST',
    '/api/v1/uploads',
    { purpose: 'kyc-document', contentType: 'application/pdf', size: samplePdf.buffer.byteLength },
    token,
  );
  const put = await fetch(created.uploadUrl, { method: 'PUT', headers: created.headers, body: samplePdf.buffer });
  if (!put.ok) throw new Error(`S3 PUT failed: ${put.status}`);
  return created.fileId as string;
}

/** A doctor who completed the profile and KYC and was approved by an admin created with the CLI. */
export async function approvedDoctorViaApi(name: string, timeZone = 'Europe/London') {
  const doctor = await verifiedAccount('doctor', name);
  await call(
    'PUT',
    '/api/v1/doctors/me/profile',
    {
      specialtyId: 'general-physician',
      qualifications: ['MBBS'],
      experienceYears: 11,
      languages: ['English'],
      consultationFee: { amount: 40, currency: 'GBP' },
      bio: 'Family doctor with eleven years in general practice.',
      timeZone,
    },
    doctor.token,
  );
  const [identity, license] = [await uploadPdf(doctor.token), await uploadPdf(doctor.token)];
  await call(
    'PUT',
    '/api/v1/doctors/me/kyc',
    {
      registrationNumber: `GMC-${randomUUID().slice(0, 6)}`,
      council: 'General Medical Council',
      registrationYear: 2013,
      documents: { identity, license },
    },
    doctor.token,
  );
  const admin = await signedInAdmin();
  await call('POST', `/api/v1/admin/doctors/${doctor.id}/kyc/decision`, { decision: 'approve' }, admin.token);
  return doctor;
}

/** An admin made with the real `admin:create` CLI, signed in. */
export async function signedInAdmin() {
  const email = uniqueEmail('setup-admin');
  await createAdminWithCliAsync(email);
  const login = await call('POST', '/api/v1/auth/login', { email, password: PASSWORD });
  return { email, id: login.user.id as string, token: login.accessToken as string };
}

/** Publishes the same hours every day in `timeZone` (09:00-17:00 in 30-minute slots unless told otherwise). */
export async function publishDailyHours(
  doctorToken: string,
  timeZone = 'Europe/London',
  {
    start = '09:00',
    end = '17:00',
    ...rules
  }: { start?: string; end?: string; slotMinutes?: number; minNoticeMinutes?: number } = {},
) {
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
  await call('PUT', '/api/v1/doctors/me/availability', { timeZone, slotMinutes: 30, ...rules, weekly }, doctorToken);
}

/** Hours around the clock in UTC, 10-minute slots, no notice: the next slot starts within 10 minutes (its room is open). */
export const publishRoundTheClock = (doctorToken: string) =>
  publishDailyHours(doctorToken, 'UTC', { start: '00:00', end: '24:00', slotMinutes: 10, minNoticeMinutes: 0 });

/** Books the doctor's first free slot from today (UTC) for the patient; returns the appointment. */
export async function bookFirstFreeSlot(doctorId: string, patientToken: string, reason?: string) {
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const slots = await call('GET', `/api/v1/doctors/${doctorId}/slots?from=${today}&to=${tomorrow}&tz=UTC`);
  const start = (slots.days as { slots: { start: string }[] }[]).flatMap((d) => d.slots)[0]?.start;
  const booked = await call('POST', '/api/v1/appointments', { doctorId, start, ...(reason ? { reason } : {}) }, patientToken);
  return booked.appointment as { id: string; start: string; end: string };
}

/** GET through the public API with a token. */
export const getJson = (path: string, token: string) => call('GET', path, undefined, token);
