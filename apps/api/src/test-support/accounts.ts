import { randomUUID } from 'node:crypto';
import { ApiClient } from './http-client.ts';
import { latestCode } from './mailpit.ts';
import type { TestApi } from './test-api.ts';

export const PASSWORD = 'correct horse battery 42';
export const newEmail = (tag = 'user') => `${tag}-${randomUUID().slice(0, 8)}@example.test`;

/** Registers, verifies through the real inbox and logs in; the client carries the tokens. */
export async function signedIn(api: TestApi, role: 'patient' | 'doctor', name = `Test ${role}`) {
  const c = new ApiClient(api.baseUrl);
  const email = newEmail(role);
  const reg = await c.post('/api/v1/auth/register', { role, name, email, password: PASSWORD });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.text}`);
  const verified = await c.post('/api/v1/auth/verify-email', { email, code: await latestCode(email, 'verification') });
  if (verified.status !== 200) throw new Error(`verify failed: ${verified.text}`);
  const login = await c.post('/api/v1/auth/login', { email, password: PASSWORD });
  c.accessToken = login.body.accessToken;
  return { c, email, id: login.body.user.id as string, name };
}

export async function signedInAdmin(api: TestApi) {
  const email = newEmail('admin');
  await api.container.identity.useCases.createAdmin({ email, password: PASSWORD, name: 'Test Admin' });
  const c = new ApiClient(api.baseUrl);
  const login = await c.post('/api/v1/auth/login', { email, password: PASSWORD });
  c.accessToken = login.body.accessToken;
  return { c, email, id: login.body.user.id as string };
}
