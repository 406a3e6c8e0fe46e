import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

/** `npm run keys:rotate` as an operator runs it, against the e2e database the served app uses. */
async function keysRotate(...args: string[]) {
  const root = path.resolve(import.meta.dirname, '..');
  const extraEnv = JSON.parse(process.env['ADMIN_CLI_ENV'] ?? '{}') as Record<string, string>;
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'keys:rotate', '--', ...args], {
    cwd: root,
    env: { ...process.env, ...extraEnv, LOG_LEVEL: 'warn' },
  });
  return stdout;
}

it('walks every sealing store while the app serves, then counts the values per key; --check only counts', async () => {
  const run = await keysRotate();
  expect(run).toMatch(/^Sealing every protected value under the current key "k\d+"/);
  for (const collection of ['doctors_versions', 'doctors', 'appointments_versions', 'appointments', 'medical_profiles'])
    expect(run).toMatch(new RegExp(`  ${collection}: \\d+ scanned, 0 sealed again`));
  expect(run).toMatch(/Values per key: (k\d+ \d+|none stored yet)\./);
  expect(run).not.toMatch(/plaintext|Still in use/);

  const check = await keysRotate('--check');
  expect(check).not.toMatch(/Sealing/);
  expect(check).toMatch(/Values per key/);
});
