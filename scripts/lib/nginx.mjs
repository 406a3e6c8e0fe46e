// Serves the running app through the project's own deploy/nginx/doctime.conf
// (ports and certificate swapped for local ones), so tests prove the config:
// TLS profile, HTTP/2, redirects, headers, compression and keep-alive proxying.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { debian, ensureDebianPackages, root, waitForPort } from './services.mjs';

export async function startNginx({ dataDir, appPort, httpsPort, httpPort }) {
  ensureDebianPackages([debian.nginx]);
  const dir = path.join(dataDir, 'nginx');
  mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  const openssl = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  if (openssl.status !== 0) throw new Error('openssl could not make a test certificate');

  const site = readFileSync(path.join(root, 'deploy/nginx/doctime.conf'), 'utf8')
    .replace(/127\.0\.0\.1:\d+/g, `127.0.0.1:${appPort}`) // every upstream process: the one test API
    .replaceAll('listen 443 ssl http2;', `listen ${httpsPort} ssl http2;`)
    .replaceAll('listen 80;', `listen ${httpPort};`)
    .replace(/^\s*listen \[::\]:.*$/gm, '') // loopback IPv4 only in tests
    .replaceAll('doctime.example.com', 'localhost')
    .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${cert};`)
    .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${key};`)
    .replace('return 301 https://$host$request_uri;', `return 301 https://$host:${httpsPort}$request_uri;`);
  const temp = (name) => `${name}_temp_path ${path.join(dir, 'tmp', name)};`;
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
${site}
}
`,
  );
  const nginx = spawn(debian.nginx.bin, ['-c', conf, '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort(httpsPort, 'nginx', nginx);
  return {
    url: `https://localhost:${httpsPort}`,
    httpUrl: `http://localhost:${httpPort}`,
    stop: () =>
      new Promise((resolve) => {
        if (nginx.exitCode !== null) return resolve();
        nginx.once('exit', resolve);
        nginx.kill('SIGQUIT');
      }),
  };
}
