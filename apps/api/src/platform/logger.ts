import { pino } from 'pino';

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

export function makeLogger(level: string) {
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' } });
}
