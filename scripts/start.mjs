// `npm start`: install what is missing, start the local services (unless
// MONGODB_URI points elsewhere), build the web app, run the API serving it.
import { onPinnedNode } from './lib/bootstrap.mjs';

if (onPinnedNode(import.meta.url)) await main();

async function main() {
  const { randomBytes } = await import('node:crypto');
  const { spawn } = await import('node:child_process');
  const { existsSync, mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { debian, ensureDebianPackages, ensureGoTools, root, startServices, waitForPort } = await import('./lib/services.mjs');
  const { ensureWebBuild, webDist } = await import('./lib/web-build.mjs');
  const { dataKeysConfigured, ensureDevDataKeys } = await import('./lib/data-keys.mjs');

  const port = Number(process.env.PORT ?? 3000);
  const appUrl = `http://localhost:${port}`;
  const external = !!process.env.MONGODB_URI;
  let services = { env: {}, stop: async () => {} };
  const dataDir = path.join(root, '.data/dev');

  if (!external) {
    ensureDebianPackages([debian.redis]);
    ensureGoTools();
    services = await startServices({
      dataDir,
      webOrigin: appUrl,
      ports: {
        mongo: Number(process.env.MONGO_PORT ?? 27017),
        mailpitWeb: Number(process.env.MAILPIT_PORT ?? 8025),
        smtp: Number(process.env.SMTP_PORT ?? 1025),
        s3: Number(process.env.S3_PORT ?? 4569),
        redis: Number(process.env.REDIS_PORT ?? 6379),
      },
    });
  }
  ensureWebBuild();

  // A development secret that survives restarts, kept out of the repository.
  const secretFile = path.join(dataDir, 'jwt-secret');
  if (!process.env.JWT_SECRET && !existsSync(secretFile)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  // Likewise the keyring of health and identity data (deleting it makes that data unreadable).
  const dataKeys = dataKeysConfigured(root) ? {} : { DATA_KEYS_FILE: ensureDevDataKeys(path.join(dataDir, 'data-keys.json')) };
  const env = {
    ...process.env,
    ...services.env,
    PORT: String(port),
    WEB_ORIGIN: process.env.WEB_ORIGIN ?? appUrl,
    WEB_DIST: webDist,
    JWT_SECRET: process.env.JWT_SECRET ?? readFileSync(secretFile, 'utf8'),
    ...dataKeys,
  };
  const api = spawn(process.execPath, [path.join(root, 'apps/api/src/main/server.ts')], { env, stdio: 'inherit' });

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    api.kill('SIGTERM');
    await services.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  api.on('exit', (code) => void stop(code ?? 1));

  await waitForPort(port, 'DocTime API', api);
  console.log(`\n  DocTime is running:  ${appUrl}`);
  if (!external) console.log(`  Mail inbox (Mailpit): ${services.env.MAILPIT_URL}`);
  console.log(`  Create an admin:      npm run admin:create -- --email admin@example.com --password '<10+ chars>' --name Admin`);
  console.log('  Press Ctrl-C to stop everything.\n');
}
