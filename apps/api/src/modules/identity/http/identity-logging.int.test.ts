import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../../../test-support/http-client.ts';
import { latestCode } from '../../../test-support/mailpit.ts';
import { newEmail } from '../../../test-support/accounts.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';

const lines: string[] = [];
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, { write: (line) => void lines.push(line) });
});
afterAll(async () => {
  await api?.stop();
});

it('logs every request at trace level without passwords, codes or tokens', async () => {
  const c = new ApiClient(api.baseUrl);
  const email = newEmail('logged');
  const password = 'unmistakable-secret-phrase-77';
  await c.post('/api/v1/auth/register', { role: 'patient', name: 'Log Watcher', email, password });
  const code = await latestCode(email, 'verification');
  await c.post('/api/v1/auth/verify-email', { email, code });
  const login = await c.post('/api/v1/auth/login', { email, password });
  c.accessToken = login.body.accessToken;
  const refreshToken = c.cookie!.split('=')[1]!;
  await c.get('/api/v1/me');
  await c.post('/api/v1/auth/refresh');
  await c.post('/api/v1/auth/forgot-password', { email });
  const resetCode = await latestCode(email, 'reset');
  await c.post('/api/v1/auth/reset-password', { email, code: resetCode, newPassword: 'another-unmistakable-phrase-88' });

  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(5); // the requests were logged
  expect(log).toContain('/api/v1/auth/login');
  for (const secret of [password, 'another-unmistakable-phrase-88', code, resetCode, login.body.accessToken, refreshToken]) {
    expect(log).not.toContain(secret);
  }
});
