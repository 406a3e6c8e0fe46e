// Runs under whatever Node started npm (the machine's may be 20): makes sure
// dependencies are installed, then re-runs the calling script on the pinned
// Node 24 from node_modules/.bin. Keep this file free of dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);

export function ensureNodeModules() {
  const installed = mtime(path.join(root, 'node_modules/.package-lock.json'));
  const manifests = [
    'package.json',
    'package-lock.json',
    'apps/api/package.json',
    'apps/web/package.json',
    'packages/contracts/package.json',
    'e2e/package.json',
  ].map((f) => mtime(path.join(root, f)));
  if (installed && manifests.every((m) => m <= installed)) return;
  console.log('[doctime] installing npm dependencies…');
  // `ci` for a clean clone (exactly the lock file); `install` to top up an existing tree.
  const fresh = !existsSync(path.join(root, 'node_modules')) && existsSync(path.join(root, 'package-lock.json'));
  const r = spawnSync('npm', [fresh ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Returns true when the caller should continue (already on Node >= 22); otherwise re-runs it and exits. */
export function onPinnedNode(scriptUrl) {
  ensureNodeModules();
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return true;
  const node = path.join(root, 'node_modules/.bin/node');
  const r = spawnSync(node, [new URL(scriptUrl).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
