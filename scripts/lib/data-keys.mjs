// The data keyring of a local stack (`DATA_KEYS_FILE`), in the JSON format of
// apps/api/src/platform/security/data-keyring.ts: one key, current, and the blind-index key.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Writes a fresh keyring to `file` (owner-only) unless it exists, and returns its absolute path.
 * Deleting the file makes everything sealed under it unreadable.
 */
export function ensureDevDataKeys(file) {
  const absolute = path.resolve(file);
  const key = () => randomBytes(32).toString('base64');
  const id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
  const json = `${JSON.stringify({ current: id, keys: { [id]: key() }, blindIndexKey: key() }, null, 2)}\n`;
  mkdirSync(path.dirname(absolute), { recursive: true });
  try {
    writeFileSync(absolute, json, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  return absolute;
}

/** Whether a keyring is given already: DATA_KEYS or DATA_KEYS_FILE in the environment or in `<root>/.env`. */
export function dataKeysConfigured(root) {
  const dotenv = path.join(root, '.env');
  const env = { ...(existsSync(dotenv) ? parseEnv(readFileSync(dotenv, 'utf8')) : {}), ...process.env };
  return !!(env.DATA_KEYS || env.DATA_KEYS_FILE);
}
