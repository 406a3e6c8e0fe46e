import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServiceProcess } from './service-process.ts';

const binary = path.resolve(import.meta.dirname, '../../../../.tools/bin/ferretdb');

/**
 * A FerretDB of a test's own (the binary `npm test` built, SQLite files in a
 * fresh temporary directory that a restart keeps), to pause or kill without
 * disturbing the shared one.
 */
export async function startFerretDb() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ferretdb-'));
  const ferret = await startServiceProcess('ferretdb', binary, (port) => [
    '--listen-addr',
    `127.0.0.1:${port}`,
    '--sqlite-url',
    `file:${dataDir}/`,
  ]);
  return { ...ferret, uri: `mongodb://127.0.0.1:${ferret.port}/`, dataDir };
}
export type FerretDbProcess = Awaited<ReturnType<typeof startFerretDb>>;
