import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { newDataKeysJson, parseDataKeyring } from '../platform/security/data-keyring.ts';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** `ICE_SERVERS`: STUN (or credential-free TURN) servers as JSON; TURN credentials come from TURN_SECRET, never from here. */
const IceServers = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. [{"urls":"stun:stun.example.org:3478"}]' });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(
      z.strictObject(
        { urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) },
        { message: 'each server is {"urls": ...} only: TURN passwords are issued per call (TURN_SECRET)' },
      ),
    ),
  );
const commaList = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/**
 * All configuration, read once from the environment. Development gets working
 * defaults for the local services that `npm start` launches; production must
 * name every external service and a strong secret.
 */
const Schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The browser origin allowed by CORS (the web app). */
  WEB_ORIGIN: z.url().default('http://localhost:3000'),
  /** Folder of the built web app to serve; empty to serve the API only. */
  WEB_DIST: z.string().default(''),
  /** Number of proxies in front (Nginx = 1) so client IPs are right for rate limits. */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  MONGODB_URI: z.string().min(1).optional(),
  /** The local FerretDB's port when MONGODB_URI is unset (as `npm start` uses it). */
  MONGO_PORT: z.coerce.number().int().min(1).max(65535).default(27017),
  MONGODB_DB: z.string().default('doctime'),
  S3_ENDPOINT: z.url().optional(),
  S3_PUBLIC_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.optional(),
  /** Server-side encryption of every object written (default AES256 in production, none elsewhere). */
  S3_SSE: z.enum(['AES256', 'aws:kms']).optional(),
  /** With S3_SSE=aws:kms, the KMS key (id or ARN); unset = the account's `aws/s3` key. */
  S3_SSE_KMS_KEY_ID: z.string().min(1).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('DocTime <no-reply@doctime.local>'),
  REDIS_URL: z.string().optional(),
  /** Signs access tokens (HS256). At least 32 characters. */
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  /** The keyring of health and identity data at rest, as JSON (see platform/security/data-keyring.ts)... */
  DATA_KEYS: z.string().optional(),
  /** ...or a file holding it (a mounted secret; `npm start` keeps a development one in .data/dev). */
  DATA_KEYS_FILE: z.string().optional(),
  ACCESS_TOKEN_TTL_SECONDS: int(15 * 60),
  REFRESH_TOKEN_TTL_DAYS: int(30),
  /** Wrong passwords per (account, client IP) before each further try waits 1 s, 2 s, 4 s, ... */
  RATE_LOGIN_FREE_ATTEMPTS: int(5),
  /** The longest wait between tries of one (account, client IP), in seconds. */
  RATE_LOGIN_MAX_DELAY_SECONDS: int(15 * 60),
  // Rate limits: points per window (seconds).
  RATE_LOGIN_IP: z.coerce.number().int().positive().optional(),
  RATE_REGISTER_IP: z.coerce.number().int().positive().optional(),
  RATE_CODE_IP: z.coerce.number().int().positive().optional(),
  RATE_REFRESH_IP: z.coerce.number().int().positive().optional(),
  RATE_SEARCH_IP: z.coerce.number().int().positive().optional(),
  /** Searches with `availableOn` (each checks every doctor's hours against that day). */
  RATE_SEARCH_AVAILABLE_IP: z.coerce.number().int().positive().optional(),
  RATE_SLOTS_IP: z.coerce.number().int().positive().optional(),
  RATE_IP_WINDOW: int(10 * 60),
  /** Bookings and reschedules per patient. */
  RATE_BOOKING_USER: z.coerce.number().int().positive().optional(),
  RATE_UPLOAD_USER: z.coerce.number().int().positive().optional(),
  /** A patient's data exports and account deletions (each reads or erases everything they have). */
  RATE_PRIVACY_USER: z.coerce.number().int().positive().optional(),
  /** Chat messages per user per RATE_USER_WINDOW (REST and socket together). */
  RATE_MESSAGE_USER: z.coerce.number().int().positive().optional(),
  RATE_USER_WINDOW: int(10 * 60),
  RATE_CODE_ACCOUNT: int(10),
  RATE_CODE_ACCOUNT_WINDOW: int(15 * 60),
  /** Upload URLs and bytes one user may request per UTC day (default 50 and 200 MB in production, 500 and 2 GB elsewhere). */
  UPLOAD_DAILY_COUNT: z.coerce.number().int().positive().optional(),
  UPLOAD_DAILY_BYTES: z.coerce.number().int().positive().optional(),
  /** Video calls on the built-in WebRTC: STUN servers, and coturn (`use-auth-secret`) for TURN. */
  ICE_SERVERS: IceServers.default([]),
  TURN_URLS: commaList.optional(),
  TURN_SECRET: z.string().min(16, 'TURN_SECRET must be at least 16 characters').optional(),
  /** Both set: video calls run on Zego Cloud. */
  ZEGO_APP_ID: z.coerce.number().int().positive().optional(),
  ZEGO_SERVER_SECRET: z.string().length(32, 'ZEGO_SERVER_SECRET is the 32-character ServerSecret of the Zego console').optional(),
});

export type Config = ReturnType<typeof loadConfig>;

const requiredInProduction = [
  'MONGODB_URI',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'SMTP_URL',
  'JWT_SECRET',
] as const;

export class ConfigError extends Error {}

/** Where `npm start` keeps the development keyring; the CLIs find it there too. */
const DEV_DATA_KEYS_FILE = '.data/dev/data-keys.json';

/**
 * The data keyring: DATA_KEYS, else the file DATA_KEYS_FILE names. Outside production, with
 * neither, the development file when it exists, else a random keyring that dies with the process.
 */
function dataKeyringOf(json: string | undefined, file: string | undefined, production: boolean) {
  const path = file ?? (!production && existsSync(DEV_DATA_KEYS_FILE) ? DEV_DATA_KEYS_FILE : undefined);
  try {
    return parseDataKeyring(json ?? (path ? readFileSync(path, 'utf8') : newDataKeysJson()));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${(error as Error).message}`);
  }
}

/** `KEY=` in an env file means "not set", as it does for most tools. */
export function emptyAsUnset(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
}

/** The process environment as `npm start` and the CLIs see it: `.env` (when present) under the real environment. */
export function readEnvironment(): NodeJS.ProcessEnv {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return emptyAsUnset(process.env);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production) {
    const missing: string[] = requiredInProduction.filter((k) => !c[k]);
    if (!c.DATA_KEYS && !c.DATA_KEYS_FILE) missing.push('DATA_KEYS (or DATA_KEYS_FILE)');
    if (missing.length) {
      throw new ConfigError(`Refusing to start in production: set ${missing.join(', ')}.`);
    }
  }
  const sse = c.S3_SSE ?? (production ? 'AES256' : undefined);
  if (c.S3_SSE_KMS_KEY_ID && sse !== 'aws:kms') {
    throw new ConfigError('Invalid configuration:\n  S3_SSE_KMS_KEY_ID: only with S3_SSE=aws:kms');
  }
  if (!!c.TURN_URLS?.length !== !!c.TURN_SECRET) {
    throw new ConfigError('Invalid configuration:\n  TURN_URLS and TURN_SECRET: set both, or neither');
  }
  if (!!c.ZEGO_APP_ID !== !!c.ZEGO_SERVER_SECRET) {
    throw new ConfigError('Invalid configuration:\n  ZEGO_APP_ID and ZEGO_SERVER_SECRET: set both, or neither');
  }
  // Production limits are strict; development ones allow scripted demos and tests.
  const budget = production
    ? {
        login: 30,
        register: 10,
        code: 30,
        refresh: 600,
        search: 300,
        searchAvailable: 30,
        slots: 300,
        booking: 20,
        upload: 30,
        privacy: 5,
        // About one message every 2 seconds, sustained over the window.
        message: 300,
      }
    : {
        login: 1000,
        register: 500,
        code: 1000,
        refresh: 10_000,
        search: 10_000,
        searchAvailable: 10_000,
        slots: 10_000,
        booking: 10_000,
        upload: 10_000,
        privacy: 1_000,
        message: 100_000,
      };
  const perIp = (points: number | undefined, fallback: number) => ({ points: points ?? fallback, seconds: c.RATE_IP_WINDOW });
  const perUser = (points: number | undefined, fallback: number) => ({ points: points ?? fallback, seconds: c.RATE_USER_WINDOW });
  const uploadLimits = production ? { count: 50, bytes: 200 * 1024 ** 2 } : { count: 500, bytes: 2 * 1024 ** 3 };
  return {
    env: c.NODE_ENV,
    production,
    host: c.HOST,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    webOrigin: c.WEB_ORIGIN,
    webDist: c.WEB_DIST,
    trustProxy: c.TRUST_PROXY,
    // Outside production, the defaults are the local services `npm start` runs.
    mongo: { uri: c.MONGODB_URI ?? `mongodb://127.0.0.1:${c.MONGO_PORT}/`, db: c.MONGODB_DB },
    s3: {
      endpoint: c.S3_ENDPOINT ?? (production ? undefined : 'http://127.0.0.1:4569'),
      publicEndpoint: c.S3_PUBLIC_ENDPOINT ?? c.S3_ENDPOINT,
      region: c.S3_REGION,
      bucket: c.S3_BUCKET ?? 'doctime',
      // The local S3 has random credentials per data folder, which `npm start` passes in.
      accessKeyId: c.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: c.S3_SECRET_ACCESS_KEY ?? '',
      forcePathStyle: c.S3_FORCE_PATH_STYLE ?? !production,
      sse: sse && { algorithm: sse, kmsKeyId: c.S3_SSE_KMS_KEY_ID },
    },
    smtpUrl: c.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    mailFrom: c.MAIL_FROM,
    redisUrl: c.REDIS_URL,
    video: {
      webrtc: {
        iceServers: c.ICE_SERVERS,
        ...(c.TURN_URLS?.length && c.TURN_SECRET ? { turn: { urls: c.TURN_URLS, secret: c.TURN_SECRET } } : {}),
      },
      ...(c.ZEGO_APP_ID && c.ZEGO_SERVER_SECRET ? { zego: { appId: c.ZEGO_APP_ID, serverSecret: c.ZEGO_SERVER_SECRET } } : {}),
    },
    // Outside production a missing secret gets a random one: tokens then die with the process.
    jwtSecret: c.JWT_SECRET ?? randomBytes(32).toString('hex'),
    dataKeys: dataKeyringOf(c.DATA_KEYS, c.DATA_KEYS_FILE, production),
    accessTokenTtlSeconds: c.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: c.REFRESH_TOKEN_TTL_DAYS,
    uploadLimits: {
      count: c.UPLOAD_DAILY_COUNT ?? uploadLimits.count,
      bytes: c.UPLOAD_DAILY_BYTES ?? uploadLimits.bytes,
    },
    rateLimits: {
      // A pair's count is forgotten a day after its first wrong password, or at its next success.
      loginThrottle: {
        freeAttempts: c.RATE_LOGIN_FREE_ATTEMPTS,
        maxDelaySeconds: c.RATE_LOGIN_MAX_DELAY_SECONDS,
        forgetAfterSeconds: 24 * 60 * 60,
      },
      loginIp: perIp(c.RATE_LOGIN_IP, budget.login),
      registerIp: perIp(c.RATE_REGISTER_IP, budget.register),
      codeIp: perIp(c.RATE_CODE_IP, budget.code),
      // Its own bucket, generous: every open tab of everyone behind one NAT address refreshes.
      refreshIp: perIp(c.RATE_REFRESH_IP, budget.refresh),
      searchIp: perIp(c.RATE_SEARCH_IP, budget.search),
      searchAvailableIp: perIp(c.RATE_SEARCH_AVAILABLE_IP, budget.searchAvailable),
      slotsIp: perIp(c.RATE_SLOTS_IP, budget.slots),
      bookingUser: perUser(c.RATE_BOOKING_USER, budget.booking),
      uploadUser: perUser(c.RATE_UPLOAD_USER, budget.upload),
      privacyUser: perUser(c.RATE_PRIVACY_USER, budget.privacy),
      messageUser: perUser(c.RATE_MESSAGE_USER, budget.message),
      codeAccount: { points: c.RATE_CODE_ACCOUNT, seconds: c.RATE_CODE_ACCOUNT_WINDOW },
    },
  };
}
