import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

export const PASSWORD = 'violet tractor sings 42';
export const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.test`;

/** Runs the real `npm run admin:create` CLI against the e2e database. */
export function createAdminWithCli(email: string, password = PASSWORD, name = 'Site Admin') {
  const root = path.resolve(import.meta.dirname, '../..');
  const extraEnv = JSON.parse(process.env['ADMIN_CLI_ENV'] ?? '{}') as Record<string, string>;
  return spawnSync('npm', ['run', '--silent', 'admin:create', '--', '--email', email, '--password', password, '--name', name], {
    cwd: root,
    env: { ...process.env, ...extraEnv, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
}
