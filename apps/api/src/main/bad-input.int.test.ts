import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../test-support/accounts.ts';
import type { ApiClient } from '../test-support/http-client.ts';
import { startTestApi, type TestApi } from '../test-support/test-api.ts';

/**
 * Every endpoint that takes input answers malformed input with 400
 * VALIDATION_FAILED, field messages, and no change to stored data.
 */
let api: TestApi;
let patient: ApiClient;
let doctor: ApiClient;
let admin: ApiClient;
let doctorId: string;
beforeAll(async () => {
  api = await startTestApi();
  patient = (await signedIn(api, 'patient')).c;
  const d = await signedIn(api, 'doctor');
  doctor = d.c;
  doctorId = d.id;
  admin = (await signedInAdmin(api)).c;
});
afterAll(async () => {
  await api?.stop();
});

async function snapshot() {
  const names = [
    'users',
    'doctors',
    'files',
    'appointments',
    'time_claims',
    'availability',
    'audit_log',
    'session_families',
    // Every committed change of a versioned record adds a version document.
    'doctors_versions',
    'appointments_versions',
    'file_attachments',
    'medical_profiles',
    'medical_profiles_versions',
    'notifications',
    'notification_reads_changes',
    'conversations',
    'messages',
    'conversation_inboxes_changes',
    'consultation_attendance',
  ];
  const counts = await Promise.all(names.map((n) => api.db.collection(n).countDocuments()));
  return Object.fromEntries(names.map((n, i) => [n, counts[i]]));
}

type Case = [who: () => ApiClient, method: string, path: () => string, body: unknown, field: string];
const cases: Case[] = [
  [() => patient, 'POST', () => '/api/v1/auth/resend-verification', { email: 'nope' }, 'email'],
  [() => patient, 'POST', () => '/api/v1/auth/forgot-password', {}, 'email'],
  [() => patient, 'POST', () => '/api/v1/auth/login', { email: 'a@b.co' }, 'password'],
  [() => patient, 'POST', () => '/api/v1/auth/verify-email', { email: 'a@b.co', code: '12ab56' }, 'code'],
  [
    () => patient,
    'POST',
    () => '/api/v1/auth/reset-password',
    { email: 'a@b.co', code: '123456', newPassword: 'short' },
    'newPassword',
  ],
  [
    () => patient,
    'POST',
    () => '/api/v1/auth/change-password',
    { currentPassword: '', newPassword: 'long enough passphrase' },
    'currentPassword',
  ],
  [() => patient, 'POST', () => '/api/v1/uploads', { purpose: 'avatar', contentType: 'image/png', size: -5 }, 'size'],
  [
    () => doctor,
    'PUT',
    () => '/api/v1/doctors/me/kyc',
    { registrationNumber: 'R', council: 'C', registrationYear: 1800, documents: {} },
    'registrationYear',
  ],
  [
    () => doctor,
    'PUT',
    () => '/api/v1/doctors/me/availability',
    { timeZone: 'UTC', slotMinutes: 30, weekly: [{ weekday: 1, start: '9am', end: '17:00' }] },
    'weekly.0.start',
  ],
  [() => patient, 'GET', () => '/api/v1/doctors?maxFee=-1', undefined, 'maxFee'],
  [() => patient, 'GET', () => `/api/v1/doctors/${doctorId}/slots?from=2026-13-01&to=2026-12-02&tz=UTC`, undefined, 'from'],
  [() => patient, 'POST', () => '/api/v1/appointments', { start: '2026-12-01T09:00:00Z' }, 'doctorId'],
  [() => patient, 'GET', () => '/api/v1/appointments?scope=someday', undefined, 'scope'],
  [() => patient, 'POST', () => '/api/v1/appointments/x/reschedule', { start: 'next week' }, 'start'],
  [() => patient, 'POST', () => `/api/v1/appointments/${'x'.repeat(101)}/video/join`, undefined, '_'],
  [() => doctor, 'GET', () => `/api/v1/appointments/${'x'.repeat(101)}/earlier`, undefined, '_'],
  [() => patient, 'PUT', () => '/api/v1/patients/me/profile', { dateOfBirth: '1899-12-31' }, 'dateOfBirth'],
  [() => patient, 'PUT', () => '/api/v1/patients/me/profile', { bloodGroup: 'Z+', allergies: ['ok'] }, 'bloodGroup'],
  [() => patient, 'PUT', () => '/api/v1/patients/me/profile', { medications: ['   '] }, 'medications.0'],
  [() => admin, 'GET', () => '/api/v1/admin/kyc?status=maybe', undefined, 'status'],
  [() => admin, 'GET', () => '/api/v1/admin/users?role=superuser', undefined, 'role'],
  [() => admin, 'GET', () => '/api/v1/admin/audit-log?limit=1000', undefined, 'limit'],
  [() => admin, 'POST', () => `/api/v1/admin/doctors/${doctorId}/kyc/decision`, { decision: 'maybe' }, 'decision'],
  [
    () => admin,
    'POST',
    () => `/api/v1/admin/doctors/${doctorId}/kyc/decision`,
    { decision: 'approve', submission: 0 },
    'submission',
  ],
  [() => patient, 'POST', () => '/api/v1/conversations', { appointmentId: '  ' }, 'appointmentId'],
  [() => doctor, 'GET', () => '/api/v1/conversations?limit=51', undefined, 'limit'],
  [() => patient, 'GET', () => '/api/v1/conversations/x/messages?before=0', undefined, 'before'],
  [() => patient, 'GET', () => '/api/v1/conversations/x/messages?after=-3', undefined, 'after'],
  [() => patient, 'POST', () => '/api/v1/conversations/x/messages', { clientId: 'client-1', kind: 'text' }, 'text'],
  [() => patient, 'POST', () => '/api/v1/conversations/x/messages', { clientId: 'client-1', kind: 'video' }, 'fileId'],
  [
    () => doctor,
    'POST',
    () => '/api/v1/conversations/x/messages',
    { clientId: 'client-1', kind: 'audio', fileId: 'f', durationMs: -5 },
    'durationMs',
  ],
  [() => patient, 'POST', () => '/api/v1/conversations/x/read', { upToSeq: -1 }, 'upToSeq'],
  [() => patient, 'GET', () => '/api/v1/notifications?unreadOnly=yes', undefined, 'unreadOnly'],
  [() => doctor, 'GET', () => '/api/v1/notifications?limit=101', undefined, 'limit'],
  [() => patient, 'POST', () => '/api/v1/notifications/read', { ids: 'all' }, 'ids'],
  [() => admin, 'POST', () => '/api/v1/notifications/read', { ids: [''] }, 'ids.0'],
];

describe('bad input', () => {
  // Titles name the endpoint pattern and the field; ids are filled in when the test runs.
  const named = cases.map((c) => ({
    c,
    name: `${c[1]} ${
      c[2]
        .toString()
        .replace(/^\(\) => /, '')
        .replace(/\$\{doctorId\}/, ':id')
        .split('?')[0]
    } → ${c[4]}`,
  }));
  it.each(named)('$name', async ({ c }) => {
    const [who, method, path, body, field] = c;
    const before = await snapshot();
    const res = await who().request(method, path(), body);
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.fieldErrors[field], JSON.stringify(res.body.error.details)).toBeDefined();
    expect(await snapshot()).toEqual(before);
  });
});
