import { existsSync } from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { errorHandler, notFoundHandler, requireDecodablePath } from './error-handler.ts';
import { methodNotAllowed } from './method-not-allowed.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { readinessHandler, type ReadinessProbe } from './readiness.ts';

export interface AppOptions {
  logger: Logger;
  webOrigin: string;
  webDist: string;
  trustProxy: number;
  /** The origin browsers fetch presigned S3 URLs from, the only other origin the CSP names. */
  storageOrigin: string;
  /** Further origins the browser may connect to (a video provider's cloud, when one is configured). */
  connectOrigins?: readonly string[];
  /** `/readyz` probes per dependency (e.g. mongo, redis), each bounded by a short timeout. */
  readiness: Record<string, ReadinessProbe>;
  apiRouters: Router[];
}

/**
 * Browser features the app may use: camera and microphone for video
 * consultations (own origin only); everything else is off.
 */
const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=(self)',
  'display-capture=(self)',
  'fullscreen=(self)',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'browsing-topics=()',
].join(', ');

/** The Express app: security middleware, health, OpenAPI, module routers, the web app, errors. */
export function createApp(options: AppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  // Mantine injects style tags; uploads go to and media come from presigned URLs of the storage
  // origin; 'self' covers the API and same-origin WebSockets (Socket.io).
  const storage = options.storageOrigin;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'style-src': ["'self'", "'unsafe-inline'"],
          'font-src': ["'self'", 'data:'],
          'img-src': ["'self'", 'data:', 'blob:', storage],
          'media-src': ["'self'", 'data:', 'blob:', storage],
          'connect-src': ["'self'", storage, ...(options.connectOrigins ?? [])],
          'frame-src': ["'self'", 'blob:', storage],
          'upgrade-insecure-requests': null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  });
  // Every API answer may carry personal data: none is stored by browsers or proxies (openapi.json opts out below).
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(pinoHttp({ logger: options.logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(requireDecodablePath);

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', readinessHandler(options.readiness));

  const api = express.Router();
  // Only the web app's origin gets CORS headers; any other origin gets none.
  api.use(cors({ origin: [options.webOrigin], credentials: true }));
  api.use(express.json({ limit: '1mb' }));
  api.use(cookieParser());
  const openApi = buildOpenApiDocument();
  api.get('/openapi.json', (_req, res) => void res.set('Cache-Control', 'public, max-age=300').json(openApi));
  for (const router of options.apiRouters) api.use(router);
  api.use(methodNotAllowed());
  api.use(notFoundHandler);
  app.use('/api/v1', api);
  app.use('/api', notFoundHandler);

  if (options.webDist && existsSync(path.join(options.webDist, 'index.html'))) {
    // Real files first (robots.txt, favicon, assets); a missing file (a name with a dot) is a 404.
    app.use(express.static(options.webDist, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the single-page app.
    app.get(/^(?!\/api\/|\/socket\.io\/)[^.]*$/, (_req, res) => res.sendFile(path.join(options.webDist, 'index.html')));
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
