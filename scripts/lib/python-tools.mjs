// Python tools the tests run (schemathesis), in a virtual environment under
// .tools/venv, every package pinned in tools/python/requirements.txt. Installs
// on the first run and when the requirements change; otherwise one file read.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './services.mjs';

const venv = path.join(root, '.tools/venv');
export const schemathesisBin = path.join(venv, 'bin/schemathesis');

export function ensurePythonTools() {
  const requirements = path.join(root, 'tools/python/requirements.txt');
  const stampFile = path.join(venv, '.stamp');
  const stamp = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(schemathesisBin)) return;
  console.log('[doctime] installing Python test tools into .tools/venv (first run only; about a minute)…');
  const run = (cmd, args) => {
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  };
  run('python3', ['-m', 'venv', '--clear', venv]);
  run(path.join(venv, 'bin/pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
  writeFileSync(stampFile, stamp);
}
