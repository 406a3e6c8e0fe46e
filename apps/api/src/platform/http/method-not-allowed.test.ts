import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { methodNotAllowed } from './method-not-allowed.ts';

/** The handler behind an API router that answers nothing, as in app.ts: every request falls through to it. */
let server: Server;
let base: string;
beforeAll(async () => {
  const app = express();
  const api = express.Router();
  api.use(methodNotAllowed());
  api.use(notFoundHandler);
  app.use('/api/v1', api);
  app.use(errorHandler);
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('methodNotAllowed', () => {
  it.each([
    ['DELETE', '/api/v1/specialties', 'GET, HEAD'],
    ['POST', '/api/v1/doctors/me/availability', 'GET, HEAD, PUT'],
    ['PATCH', '/api/v1/doctors/d-1', 'GET, HEAD'],
    ['GET', '/api/v1/appointments/a%2Fb/cancel', 'POST'],
    ['PUT', '/api/v1/auth/login/', 'POST'],
  ])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    const res = await fetch(base + path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(await res.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
  });

  it.each([
    ['GET', '/api/v1/nothing-here'],
    ['POST', '/api/v1/doctors/d-1/slots/extra'],
    // A declared method that no route answered is a plain 404, never a 405 naming itself.
    ['GET', '/api/v1/specialties'],
  ])('%s %s answers 404', async (method, path) => {
    const res = await fetch(base + path, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('allow')).toBeNull();
  });
});
