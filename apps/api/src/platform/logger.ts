import { pino, type DestinationStream } from 'pino';

/** Paths never written to logs: credentials, codes and tokens. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.code',
  '*.accessToken',
  '*.refreshToken',
];

export function makeLogger(level: string, destination?: DestinationStream) {
  const options = { level, redact: { paths: redactPaths, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
