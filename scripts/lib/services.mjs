// Installs (once) and runs the local services DocTime needs on loopback:
// FerretDB (MongoDB wire protocol, SQLite files), SeaweedFS (S3 API, strict
// SigV4), Mailpit (SMTP + web inbox) and Redis. Shared by `npm start` and `npm test`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { prepareBucket, seaweedArgs } from './seaweedfs.mjs';

export const root = path.resolve(import.meta.dirname, '../..');
const toolsBin = path.join(root, '.tools/bin');

const log = (msg) => console.log(`[doctime] ${msg}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}

/** Builds the pinned Go programs into .tools/bin, only when their go.mod/go.sum/main changed. */
export function ensureGoTools() {
  const stampFile = path.join(toolsBin, '.stamp');
  const sources = [
    'ferretdb/go.mod',
    'ferretdb/go.sum',
    'ferretdb/main.go',
    ...readdirSync(path.join(root, 'tools/ferretdb/patches'))
      .sort()
      .map((patch) => `ferretdb/patches/${patch}`),
    'mailpit/go.mod',
    'mailpit/go.sum',
    'seaweedfs/go.mod',
    'seaweedfs/go.sum',
  ];
  const stamp = createHash('sha256')
    .update(sources.map((f) => readFileSync(path.join(root, 'tools', f), 'utf8')).join('\0'))
    .digest('hex');
  if (
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === stamp &&
    existsSync(path.join(toolsBin, 'ferretdb')) &&
    ['ferretdb', 'mailpit', 'weed'].every((bin) => existsSync(path.join(toolsBin, bin)))
  )
    return;
  log('building FerretDB, Mailpit and SeaweedFS from the Go module proxy (first run only; about 10 minutes)…');
  mkdirSync(toolsBin, { recursive: true });
  preparePatchedFerretDB();
  run('go', ['build', '-o', path.join(toolsBin, 'ferretdb'), '.'], { cwd: path.join(root, 'tools/ferretdb') });
  run('go', ['install', 'tool'], { cwd: path.join(root, 'tools/mailpit'), env: { ...process.env, GOBIN: toolsBin } });
  // `go install` refuses SeaweedFS (its go.mod has a replace directive); our module copies it and builds.
  run('go', ['build', '-o', path.join(toolsBin, 'weed'), 'github.com/seaweedfs/seaweedfs/weed'], {
    cwd: path.join(root, 'tools/seaweedfs'),
  });
  writeFileSync(stampFile, stamp);
}

/**
 * FerretDB's source at the version tools/ferretdb/go.mod pins, from the Go
 * module proxy, with our patches applied, in .tools/src/ferretdb (the
 * go.mod's `replace` points there). Decision 0013: upstream's SQLite backend
 * never uses its `_id` index.
 */
function preparePatchedFerretDB() {
  const goMod = readFileSync(path.join(root, 'tools/ferretdb/go.mod'), 'utf8');
  const version = /^require github\.com\/FerretDB\/FerretDB (\S+)$/m.exec(goMod)?.[1];
  if (!version) throw new Error('tools/ferretdb/go.mod does not pin github.com/FerretDB/FerretDB');
  const download = spawnSync('go', ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${version}`], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
  });
  if (download.status !== 0) throw new Error(`go mod download FerretDB failed: ${download.stderr}`);
  const target = path.join(root, '.tools/src/ferretdb');
  rmSync(target, { recursive: true, force: true });
  cpSync(JSON.parse(download.stdout).Dir, target, { recursive: true });
  const writable = (dir) => {
    chmodSync(dir, 0o755);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) writable(p);
      else chmodSync(p, 0o644);
    }
  };
  writable(target);
  const patches = path.join(root, 'tools/ferretdb/patches');
  for (const patch of readdirSync(patches).sort()) run('git', ['apply', path.join(patches, patch)], { cwd: target });
}

/** Installs Debian packages that are missing (needs root or sudo). */
export function ensureDebianPackages(packages) {
  const missing = packages.filter(({ bin }) => !existsSync(bin)).map(({ pkg }) => pkg);
  if (!missing.length) return;
  log(`installing ${missing.join(', ')} from Debian…`);
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) =>
    run(asRoot[0] ?? 'apt-get', asRoot.length ? ['apt-get', ...args] : args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', ...missing);
}

export const debian = {
  redis: { pkg: 'redis-server', bin: '/usr/bin/redis-server' },
  chromium: { pkg: 'chromium', bin: '/usr/bin/chromium' },
  nginx: { pkg: 'nginx', bin: '/usr/sbin/nginx' },
};

export function portOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function waitForPort(port, name, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${name} did not open port ${port} within ${timeoutMs / 1000}s`);
}

/**
 * Starts every local service. `ports` and `dataDir` let tests run beside a
 * development stack. Returns the environment for the API and a stop().
 */
export async function startServices({ dataDir, ports, quiet = true, webOrigin }) {
  mkdirSync(dataDir, { recursive: true });
  const children = [];
  const stdio = quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  const start = async (name, cmd, args, port) => {
    if (await portOpen(port)) throw new Error(`port ${port} for ${name} is already in use`);
    const child = spawn(cmd, args, { stdio, cwd: root });
    children.push({ name, child });
    await waitForPort(port, name, child);
  };
  const bucket = 'doctime';
  const s3 = seaweedArgs({ dataDir, s3Port: ports.s3 });
  const stop = async () => {
    await Promise.all(
      children.reverse().map(
        ({ child }) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode) return resolve();
            child.once('exit', resolve);
            child.kill('SIGTERM');
            // SeaweedFS ignores SIGTERM for a while: a deadline, then SIGKILL.
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          }),
      ),
    );
  };
  try {
    const ferretDir = path.join(dataDir, 'ferretdb');
    mkdirSync(ferretDir, { recursive: true });
    await Promise.all([
      start(
        'FerretDB',
        path.join(toolsBin, 'ferretdb'),
        ['--listen-addr', `127.0.0.1:${ports.mongo}`, '--sqlite-url', `file:${ferretDir}/`],
        ports.mongo,
      ),
      start(
        'Mailpit',
        path.join(toolsBin, 'mailpit'),
        [
          '--listen',
          `127.0.0.1:${ports.mailpitWeb}`,
          '--smtp',
          `127.0.0.1:${ports.smtp}`,
          '--database',
          path.join(dataDir, 'mailpit.db'),
          '--quiet',
        ],
        ports.mailpitWeb,
      ),
      start('SeaweedFS', path.join(toolsBin, 'weed'), s3.args, ports.s3).then(() =>
        prepareBucket({ endpoint: `http://127.0.0.1:${ports.s3}`, bucket, credentials: s3.credentials, webOrigin }),
      ),
      start(
        'Redis',
        debian.redis.bin,
        ['--port', String(ports.redis), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dataDir],
        ports.redis,
      ),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  const env = {
    MONGODB_URI: `mongodb://127.0.0.1:${ports.mongo}/`,
    S3_ENDPOINT: `http://127.0.0.1:${ports.s3}`,
    S3_PUBLIC_ENDPOINT: `http://localhost:${ports.s3}`,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: s3.credentials.accessKey,
    S3_SECRET_ACCESS_KEY: s3.credentials.secretKey,
    S3_FORCE_PATH_STYLE: 'true',
    SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
    REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
    MAILPIT_URL: `http://localhost:${ports.mailpitWeb}`,
  };
  return { env, stop };
}
