import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import tls from 'node:tls';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { verifiedAccount } from './support/api-setup.ts';
import { baseUrl, launchBrowser } from './support/browser.ts';

/** The deployment's Nginx config, served by `npm test` in front of the real app with a throwaway certificate. */
const nginxUrl = () => {
  const url = process.env['NGINX_URL'];
  if (!url) throw new Error('NGINX_URL is not set; run browser tests with `npm test`.');
  return url;
};
const nginxHttpUrl = () => {
  const url = process.env['NGINX_HTTP_URL'];
  if (!url) throw new Error('NGINX_HTTP_URL is not set; run browser tests with `npm test`.');
  return url;
};

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Header names (lower case) and values as sent, repeats kept. */
  raw: [string, string][];
  body: Buffer;
  reusedSocket: boolean;
}

/** One HTTP/1.1 request over http: or https: (any certificate); the body is not decoded. */
function request(
  url: string,
  init: { method?: string; body?: string; headers?: http.OutgoingHttpHeaders; agent?: http.Agent | false } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.request(
      url,
      {
        method: init.method ?? 'GET',
        rejectUnauthorized: false,
        agent: init.agent,
        headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const raw: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) raw.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            raw,
            body: Buffer.concat(chunks),
            reusedSocket: req.reusedSocket,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

type Handshake = { ok: true; protocol: string | null; cipher: string; ticket: boolean } | { ok: false; code: string };

/** A bare TLS handshake with Nginx; `ok: false` carries the error code (an alert from the server names it). */
function handshake(options: tls.ConnectionOptions) {
  const { hostname, port } = new URL(nginxUrl());
  return new Promise<Handshake>((resolve) => {
    const socket = tls.connect({
      host: hostname,
      port: Number(port),
      servername: hostname,
      rejectUnauthorized: false,
      ...options,
    });
    socket.on('secureConnect', () => {
      // TLS 1.2 sends its ticket inside the handshake; wait a moment anyway.
      setTimeout(() => {
        resolve({
          ok: true,
          protocol: socket.getProtocol(),
          cipher: socket.getCipher().name,
          ticket: socket.getTLSTicket() !== undefined,
        });
        socket.destroy();
      }, 100);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, code: error.code ?? error.message }));
  });
}

/** What Nginx answers on its own to raw bytes sent over TLS (it closes the connection after an error). */
function rawExchange(bytes: string) {
  const { hostname, port } = new URL(nginxUrl());
  return new Promise<string>((resolve, reject) => {
    const socket = tls.connect({ host: hostname, port: Number(port), servername: hostname, rejectUnauthorized: false }, () =>
      socket.end(bytes),
    );
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

/** Local ports of Nginx's established TCP connections to `port`, read from Linux's /proc. */
function nginxConnectionsTo(port: number): Set<number> {
  const sockets = new Set<string>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'nginx') continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode) sockets.add(inode);
      }
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  const portOf = (address: string) => parseInt(address.split(':').at(-1)!, 16);
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const [, local, remote, state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === '01' && portOf(remote!) === port && sockets.has(inode!)) ports.add(portOf(local!));
    }
  }
  return ports;
}

/**
 * A WebSocket through Nginx, spoken by hand (handshake, then text frames): the status of the
 * handshake, the text messages as they arrive, and a way to send one (masked, as a client must).
 */
function webSocket(path: string) {
  return new Promise<{ status: number; next(): Promise<string>; send(text: string): void; close(): void }>((resolve, reject) => {
    const req = https.request(`${nginxUrl()}${path}`, {
      rejectUnauthorized: false,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
      },
    });
    const refused = { next: () => Promise.reject(new Error('not upgraded')), send() {}, close() {} };
    req.on('response', (res) => resolve({ status: res.statusCode!, ...refused }));
    req.on('upgrade', (res, socket, head: Buffer) => {
      let pending = head;
      const texts: string[] = [];
      const waiting: ((text: string) => void)[] = [];
      socket.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        // Server frames are unmasked; lengths up to 64 KiB are all Socket.io sends here.
        while (pending.length >= 2) {
          const short = pending[1]! & 0x7f;
          const [start, length] = short === 126 ? [4, pending.length >= 4 ? pending.readUInt16BE(2) : Infinity] : [2, short];
          if (pending.length < start + length) break;
          if ((pending[0]! & 0x0f) === 1) texts.push(pending.subarray(start, start + length).toString());
          pending = pending.subarray(start + length);
        }
        while (texts.length && waiting.length) waiting.shift()!(texts.shift()!);
      });
      resolve({
        status: res.statusCode!,
        next: () => new Promise<string>((r) => (texts.length ? r(texts.shift()!) : waiting.push(r))),
        send(text) {
          const payload = Buffer.from(text);
          const mask = randomBytes(4);
          const length =
            payload.length < 126
              ? Buffer.from([0x80 | payload.length])
              : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
          socket.write(Buffer.concat([Buffer.from([0x81]), length, mask, payload.map((byte, i) => byte ^ mask[i % 4]!)]));
        },
        close: () => socket.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The security headers the app sets (helmet); Nginx must pass each one through once, unchanged. */
const SECURITY_HEADERS = [
  'strict-transport-security',
  'content-security-policy',
  'referrer-policy',
  'x-content-type-options',
  'x-frame-options',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'permissions-policy',
  'cache-control',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Nginx in front of the app (deploy/nginx/doctime.conf)', () => {
  it('serves the web app over TLS', async () => {
    const res = await request(`${nginxUrl()}/`);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('<div id="root">');
  });

  it('speaks HTTP/2', async () => {
    const session = http2.connect(nginxUrl(), { rejectUnauthorized: false });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = session.request({ ':path': '/healthz' });
        req.on('response', (headers) => resolve(Number(headers[':status'])));
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(200);
      expect(session.alpnProtocol).toBe('h2');
    } finally {
      session.close();
    }
  });

  it('proxies API calls with their bodies and error shapes', async () => {
    const res = await request(`${nginxUrl()}/api/v1/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password 1' }),
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body.toString()).error.code).toBe('UNAUTHENTICATED');
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const res = await fetch(`${nginxHttpUrl()}/patient/doctors`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`${nginxUrl()}/patient/doctors`);
  });

  it('a browser loads the app through it', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(`${nginxUrl()}/`);
    await page.getByRole('link', { name: 'Sign up' }).first().waitFor();
    await context.close();
  });
});

describe('Nginx TLS: Mozilla intermediate profile', () => {
  it('accepts exactly the forward-secret TLS 1.2 suites of the profile (of all the client knows)', async () => {
    const accepted: string[] = [];
    for (const name of tls.getCiphers().filter((n) => !n.startsWith('tls_'))) {
      // One suite at a time, TLS 1.2 only, security level 0 so the client itself refuses none.
      const result = await handshake({ maxVersion: 'TLSv1.2', ciphers: `${name.toUpperCase()}:@SECLEVEL=0` });
      if (result.ok) accepted.push(result.cipher);
    }
    // The test certificate is RSA, so the ECDSA half of the list cannot be chosen.
    expect(accepted.sort()).toEqual([
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-RSA-CHACHA20-POLY1305',
    ]);
  });

  it('refuses suites without forward secrecy with a handshake alert, and accepts ECDHE and TLS 1.3', async () => {
    for (const ciphers of ['AES128-GCM-SHA256', 'AES128-SHA256', 'AES256-SHA']) {
      const refused = await handshake({ maxVersion: 'TLSv1.2', ciphers: `${ciphers}:@SECLEVEL=0` });
      expect([ciphers, refused.ok ? 'accepted' : refused.code]).toEqual([
        ciphers,
        expect.stringMatching(/ALERT_HANDSHAKE_FAILURE/),
      ]);
    }
    expect(await handshake({ maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' })).toMatchObject({
      ok: true,
      protocol: 'TLSv1.2',
      cipher: 'ECDHE-RSA-AES128-GCM-SHA256',
    });
    expect(await handshake({ minVersion: 'TLSv1.3' })).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
  });

  it('refuses TLS 1.1 and curves outside X25519, P-256 and P-384', async () => {
    const old = await handshake({ minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
    expect(old).toEqual({ ok: false, code: expect.stringMatching(/ALERT_PROTOCOL_VERSION/) });
    expect(await handshake({ ecdhCurve: 'P-521' })).toMatchObject({ ok: false });
    for (const ecdhCurve of ['X25519', 'P-256', 'P-384']) expect(await handshake({ ecdhCurve })).toMatchObject({ ok: true });
  });

  it('issues no TLS 1.2 session ticket (resumption comes from the server-side cache)', async () => {
    expect(await handshake({ maxVersion: 'TLSv1.2' })).toMatchObject({ ok: true, protocol: 'TLSv1.2', ticket: false });
  });
});

describe('Nginx headers, compression and connections', () => {
  it('names no version in the Server header or the body of its own answers', async () => {
    const answers = [
      await request(`${nginxHttpUrl()}/patient/doctors`), // the port-80 redirect
      await request(`${nginxHttpUrl()}/.well-known/acme-challenge/missing`), // a 404 of its own
      await request(`${nginxUrl()}/healthz`), // proxied
    ];
    expect(answers.map((a) => [a.status, a.headers.server])).toEqual([
      [301, 'nginx'],
      [404, 'nginx'],
      [200, 'nginx'],
    ]);
    for (const a of answers) expect(a.body.toString()).not.toMatch(/nginx\/\d/);
    // A request without Host is refused by Nginx itself, on the TLS side.
    const badRequest = await rawExchange('GET / HTTP/1.1\r\n\r\n');
    expect(badRequest).toMatch(/^HTTP\/1\.1 400 /);
    expect(badRequest).toMatch(/\r\nServer: nginx\r\n/);
    expect(badRequest).not.toMatch(/nginx\/\d/);
  });

  it.each(['/', '/api/v1/me'])('passes each of the app’s security headers once, with its value (%s)', async (path) => {
    const direct = await request(`${baseUrl()}${path}`);
    const proxied = await request(`${nginxUrl()}${path}`);
    expect(proxied.status).toBe(direct.status);
    for (const name of SECURITY_HEADERS) {
      const sent = direct.raw.filter(([n]) => n === name).map(([, v]) => v);
      expect([name, sent]).toEqual([name, [expect.any(String)]]);
      expect([name, proxied.raw.filter(([n]) => n === name).map(([, v]) => v)]).toEqual([name, sent]);
    }
    expect(proxied.headers['referrer-policy']).toBe('no-referrer');
    // Nginx adds no header of its own beyond these (Vary: Accept-Encoding comes with gzip).
    const own = ['server', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'vary'];
    const added = proxied.raw.map(([n]) => n).filter((n) => !own.includes(n) && !direct.raw.some(([d]) => d === n));
    expect(added).toEqual([]);
  });

  it('gzips scripts and styles for clients that accept it, and only them', async () => {
    const html = (await request(`${nginxUrl()}/`)).body.toString();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const original = (await request(`${baseUrl()}${asset}`)).body;
      const zipped = await request(`${nginxUrl()}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect([asset, zipped.status, zipped.headers['content-encoding'], zipped.headers.vary]).toEqual([
        asset,
        200,
        'gzip',
        'Accept-Encoding',
      ]);
      expect(gunzipSync(zipped.body).equals(original)).toBe(true);
      const plain = await request(`${nginxUrl()}${asset}`);
      expect([asset, plain.headers['content-encoding']]).toEqual([asset, undefined]);
    }
    const json = await request(`${nginxUrl()}/api/v1/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers['content-encoding']).toBe('gzip');
  });

  it('keeps the client connection alive between requests', async () => {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await request(`${nginxUrl()}/healthz`, { agent });
      const second = await request(`${nginxUrl()}/healthz`, { agent });
      expect([first.status, first.headers.connection, second.status, second.reusedSocket]).toEqual([
        200,
        'keep-alive',
        200,
        true,
      ]);
    } finally {
      agent.destroy();
    }
  });

  it('keeps its connections to the app open and reuses them (upstream keepalive)', async () => {
    const appPort = Number(new URL(baseUrl()).port);
    const before = nginxConnectionsTo(appPort);
    const opened = new Set<number>();
    for (let i = 0; i < 5; i++) {
      // A new client connection each time: only the upstream side can be reused.
      expect((await request(`${nginxUrl()}/healthz`, { agent: false })).status).toBe(200);
      const open = nginxConnectionsTo(appPort);
      expect(open.size).toBeGreaterThan(0);
      for (const port of open) if (!before.has(port)) opened.add(port);
    }
    expect(opened.size).toBeLessThanOrEqual(1);
  });
});

describe('Nginx in front of Socket.io (/socket.io/)', () => {
  it('upgrades to a WebSocket that reaches the API’s Socket.io server, which checks the access token', async () => {
    const { token } = await verifiedAccount('patient', 'Socket Patient');
    for (const [auth, answer] of [
      ['not a token', /^44\{"message":"UNAUTHENTICATED"\}$/],
      [token, /^40\{"sid":"[^"]+"/],
    ] as const) {
      const ws = await webSocket('/socket.io/?EIO=4&transport=websocket');
      try {
        expect(ws.status).toBe(101);
        // Engine.IO's open packet, then Socket.io's answer to CONNECT with the token.
        expect(await ws.next()).toMatch(/^0\{"sid":"[^"]+","upgrades":\[\],"pingInterval":\d+/);
        ws.send(`40${JSON.stringify({ token: auth })}`);
        expect(await ws.next()).toMatch(answer);
      } finally {
        ws.close();
      }
    }
  });

  it('serves the long-polling fallback: handshake, CONNECT with the token, then its answer on the next poll', async () => {
    const { token } = await verifiedAccount('patient', 'Polling Patient');
    const open = await request(`${nginxUrl()}/socket.io/?EIO=4&transport=polling`);
    expect([open.status, open.body.toString()]).toEqual([
      200,
      expect.stringMatching(/^0\{"sid":"[^"]+","upgrades":\["websocket"\]/),
    ]);
    const session = `${nginxUrl()}/socket.io/?EIO=4&transport=polling&sid=${JSON.parse(open.body.toString().slice(1)).sid}`;
    const connect = await request(session, {
      method: 'POST',
      body: `40${JSON.stringify({ token })}`,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect([connect.status, connect.body.toString()]).toEqual([200, 'ok']);
    const connected = await request(session);
    expect([connected.status, connected.body.toString()]).toEqual([200, expect.stringMatching(/^40\{"sid":"[^"]+"/)]);
  });
});
