// `npm test`: static checks, then unit, integration and e2e tests against
// real local services this script starts and stops. Ends with one line
// "N passed, N failed" (each static check counts as one).
import { onPinnedNode } from './lib/bootstrap.mjs';

if (onPinnedNode(import.meta.url)) await main();

async function main() {
  const { spawn, spawnSync } = await import('node:child_process');
  const { existsSync, readFileSync, rmSync } = await import('node:fs');
  const path = await import('node:path');
  const { debian, ensureDebianPackages, ensureGoTools, root, startServices, waitForPort } = await import('./lib/services.mjs');
  const { ensureWebBuild, webDist } = await import('./lib/web-build.mjs');
  const { startNginx } = await import('./lib/nginx.mjs');
  const { ensurePythonTools } = await import('./lib/python-tools.mjs');
  const { ensureDevDataKeys } = await import('./lib/data-keys.mjs');

  const bin = (name) => path.join(root, 'node_modules/.bin', name);
  // Tools' `#!/usr/bin/env node` must find the pinned Node 24, not the machine's.
  process.env.PATH = `${path.join(root, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`;
  let passed = 0;
  let failed = 0;
  const check = (name, cmd, args) => {
    console.log(`\n▶ ${name}`);
    const ok = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status === 0;
    console.log(ok ? `✔ ${name}` : `✘ ${name}`);
    if (ok) passed++;
    else failed++;
  };

  ensureDebianPackages([debian.redis, debian.chromium, debian.nginx]);
  ensureGoTools();
  ensurePythonTools();

  check('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
  check('lint', bin('eslint'), ['.', '--max-warnings=0']);
  check('type-check', 'npm', ['run', '--silent', 'typecheck']);
  check('architecture rules', bin('depcruise'), ['apps/api/src', '--config', '.dependency-cruiser.cjs']);
  check('OpenAPI lint', process.execPath, ['scripts/lint-openapi.ts']);
  try {
    ensureWebBuild();
    passed++;
    console.log('✔ web build');
  } catch {
    failed++;
    console.log('✘ web build');
  }

  // Test ports stay clear of a development stack that may be running.
  const dataDir = path.join(root, '.data/test');
  rmSync(dataDir, { recursive: true, force: true });
  const appPort = 3100;
  const appUrl = `http://localhost:${appPort}`;
  const services = await startServices({
    dataDir,
    webOrigin: appUrl,
    ports: { mongo: 27117, mailpitWeb: 8125, smtp: 1125, s3: 4669, redis: 6479 },
  });

  // A fresh data keyring per run, shared by the test API process, every API the tests start and the CLIs.
  const env = {
    ...process.env,
    ...services.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_KEYS_FILE: ensureDevDataKeys(path.join(dataDir, 'data-keys.json')),
  };
  // Schemathesis (e2e/contract.e2e.test.ts) repeats e-mails, wrong passwords and uploads far
  // past the per-account limits; the integration tests check those limits on their own APIs.
  const contractTestLimits = {
    RATE_LOGIN_FREE_ATTEMPTS: '100000',
    RATE_CODE_ACCOUNT: '100000',
    UPLOAD_DAILY_COUNT: '100000',
    UPLOAD_DAILY_BYTES: String(1024 ** 4),
  };
  // The e2e tests drive the real server process, serving the built web app.
  const api = spawn(process.execPath, [path.join(root, 'apps/api/src/main/server.ts')], {
    cwd: root,
    stdio: 'inherit',
    // Objects encrypted at rest as in production, so the browser's uploads carry the signed SSE header.
    env: {
      ...env,
      PORT: String(appPort),
      WEB_ORIGIN: appUrl,
      WEB_DIST: webDist,
      MONGODB_DB: 'e2e',
      S3_SSE: 'AES256',
      ...contractTestLimits,
    },
  });
  const report = path.join(dataDir, 'vitest.json');
  let vitestExit = 1;
  let nginx;
  try {
    await waitForPort(appPort, 'DocTime API', api);
    // The deployment's Nginx config in front of the same server, for the proxy tests.
    nginx = await startNginx({ dataDir, appPort, httpsPort: 8443, httpPort: 8080 });
    const projects = process.argv.slice(2);
    const vitest = spawn(
      bin('vitest'),
      [
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
        ...projects.flatMap((p) => ['--project', p]),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...env,
          E2E_BASE_URL: appUrl,
          NGINX_URL: nginx.url,
          NGINX_HTTP_URL: nginx.httpUrl,
          ADMIN_CLI_ENV: JSON.stringify({ MONGODB_DB: 'e2e' }),
        },
      },
    );
    vitestExit = await new Promise((resolve) => vitest.on('exit', (code) => resolve(code ?? 1)));
  } finally {
    await nginx?.stop();
    api.kill('SIGTERM');
    await services.stop();
  }

  if (existsSync(report)) {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests + (results.numTotalTestSuites && !results.success && !results.numFailedTests ? 1 : 0);
    // A skipped or todo test is a failure: nothing may silently drop a test.
    const dropped = results.testResults.flatMap((file) =>
      file.assertionResults
        .filter((t) => t.status !== 'passed' && t.status !== 'failed')
        .map((t) => `${t.status}: ${path.relative(root, file.name)} > ${t.fullName}`),
    );
    failed += results.numPendingTests + results.numTodoTests;
    if (dropped.length) console.log(`\n✘ tests that did not run:\n  ${dropped.join('\n  ')}`);
  } else {
    failed++;
  }
  if (vitestExit !== 0 && failed === 0) failed++;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
