import http2 from 'node:http2';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';

/** The deployment's Nginx config, served by `npm test` in front of the real app with a throwaway certificate. */
const nginxUrl = () => {
  const url = process.env['NGINX_URL'];
  if (!url) throw new Error('NGINX_URL is not set; run browser tests with `npm test`.');
  return url;
};

function get(url: string, init: { method?: string; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = https.request(
        url,
        {
          method: init.method ?? 'GET',
          rejectUnauthorized: false,
          headers: init.body ? { 'content-type': 'application/json' } : {},
        },
        (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(init.body);
    },
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Nginx in front of the app (deploy/nginx/doctime.conf)', () => {
  it('serves the web app over TLS with the edge and app security headers', async () => {
    const res = await get(`${nginxUrl()}/`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['server']).toBe('nginx');
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
    const res = await get(`${nginxUrl()}/api/v1/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password 1' }),
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('UNAUTHENTICATED');
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const res = await fetch(`${process.env['NGINX_HTTP_URL']}/patient/doctors`, { redirect: 'manual' });
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
