import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';

export const PASSWORD = 'violet tractor sings 42';
export const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.test`;

/** `npm run admin:create` against the e2e database. */
function adminCli(email: string, password: string, name: string) {
  const root = path.resolve(import.meta.dirname, '../..');
  const extraEnv = JSON.parse(process.env['ADMIN_CLI_ENV'] ?? '{}') as Record<string, string>;
  return {
    args: ['run', '--silent', 'admin:create', '--', '--email', email, '--password', password, '--name', name],
    options: { cwd: root, env: { ...process.env, ...extraEnv, LOG_LEVEL: 'warn' } },
  };
}

/** Runs the real `npm run admin:create` CLI against the e2e database. */
export function createAdminWithCli(email: string, password = PASSWORD, name = 'Site Admin') {
  const { args, options } = adminCli(email, password, name);
  return spawnSync('npm', args, { ...options, encoding: 'utf8' });
}

/**
 * The same without blocking the event loop, for tests that talk to the API
 * with fetch: a blocked loop misses the API closing an idle keep-alive
 * socket, and the next request on that socket fails. Rejects on a non-zero exit.
 */
export async function createAdminWithCliAsync(email: string, password = PASSWORD, name = 'Site Admin') {
  const { args, options } = adminCli(email, password, name);
  await promisify(execFile)('npm', args, options);
}
