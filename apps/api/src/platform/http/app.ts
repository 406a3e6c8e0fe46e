import { existsSync } from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { buildOpenApiDocument } from './openapi.ts';

export interface AppOptions {
  logger: Logger;
  webOrigin: string;
  webDist: string;
  trustProxy: number;
  isReady: () => Promise<boolean>;
  apiRouters: Router[];
}

/** The Express app: security middleware, health, OpenAPI, module routers, the web app, errors. */
export function createApp(options: AppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Mantine injects style tags; media come from presigned S3 URLs.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:', 'https:', 'http:'],
          'media-src': ["'self'", 'blob:', 'https:', 'http:'],
          'connect-src': ["'self'", 'https:', 'http:', 'ws:', 'wss:'],
          'frame-src': ["'self'", 'blob:', 'https:', 'http:'],
          'upgrade-insecure-requests': null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(pinoHttp({ logger: options.logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const ready = await options.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });

  const api = express.Router();
  // Only the web app's origin gets CORS headers; any other origin gets none.
  api.use(cors({ origin: [options.webOrigin], credentials: true }));
  api.use(express.json({ limit: '1mb' }));
  api.use(cookieParser());
  const openApi = buildOpenApiDocument();
  api.get('/openapi.json', (_req, res) => void res.json(openApi));
  for (const router of options.apiRouters) api.use(router);
  api.use(notFoundHandler);
  app.use('/api/v1', api);
  app.use('/api', notFoundHandler);

  if (options.webDist && existsSync(path.join(options.webDist, 'index.html'))) {
    app.use(express.static(options.webDist, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the single-page app.
    app.get(/^(?!\/api\/|\/socket\.io\/).*/, (_req, res) => res.sendFile(path.join(options.webDist, 'index.html')));
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
