import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { makeAdminModule } from '../modules/admin/index.ts';
import { makeAppointmentsModule } from '../modules/appointments/index.ts';
import { makeDoctorsModule } from '../modules/doctors/index.ts';
import { makeFilesModule } from '../modules/files/index.ts';
import { makeIdentityModule } from '../modules/identity/index.ts';
import { makeSchedulingModule } from '../modules/scheduling/index.ts';
import { createApp } from '../platform/http/app.ts';
import { emailInBody, rateLimit } from '../platform/http/rate-limit.middleware.ts';
import { makeSmtpMailer, type OutgoingMail } from '../platform/mail/smtp-mailer.ts';
import { makeOutbox } from '../platform/outbox/outbox.ts';
import { connectMongo, pingMongo } from '../platform/mongo/mongo.ts';
import { makeAttemptThrottle, makeLimiter, type Limit } from '../platform/rate-limiters.ts';
import { makeMemoryBusyIndex, makeRedisBusyIndex } from '../platform/redis/busy-index.ts';
import { connectRedis } from '../platform/redis/redis.ts';
import { makeArgon2PasswordHasher } from '../platform/security/argon2-password-hasher.ts';
import { makeS3ObjectStorage } from '../platform/storage/s3-object-storage.ts';
import { makeJwtAccessTokenSigner } from '../platform/security/jwt-access-token-signer.ts';
import { makeNodeCryptoSecrets } from '../platform/security/node-crypto-secrets.ts';
import type { Config } from './config.ts';

/** A UUID-shaped id derived from a seed: the same seed always gives the same id. */
function derivedId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The composition root: the only place that knows every concrete adapter. */
export async function buildContainer(config: Config, logger: Logger, overrides: { clock?: { now(): Date } } = {}) {
  const { client, db } = await connectMongo(config.mongo.uri, config.mongo.db);
  const redis = config.redisUrl ? connectRedis(config.redisUrl) : undefined;
  const mailer = makeSmtpMailer(config.smtpUrl, config.mailFrom, logger);
  const clock = overrides.clock ?? { now: () => new Date() };
  // Side effects (e-mail, later notifications and socket pushes) leave through the outbox.
  const outbox = makeOutbox(db, logger, clock);
  await outbox.ensureIndexes();
  outbox.register('email', (mail, { entryId }) =>
    mailer.send(mail as unknown as OutgoingMail, { messageId: `<${entryId}@doctime.outbox>` }),
  );
  const rl = config.rateLimits;
  const limiter = (name: string, limit: Limit) => makeLimiter(name, limit, redis, config.mongo.db);

  const identity = await makeIdentityModule(
    db,
    outbox,
    {
      hasher: makeArgon2PasswordHasher(),
      tokens: makeJwtAccessTokenSigner(config.jwtSecret, config.accessTokenTtlSeconds),
      secrets: makeNodeCryptoSecrets(config.jwtSecret),
      loginThrottle: makeAttemptThrottle('login', rl.loginThrottle.forgetAfterSeconds, redis, config.mongo.db),
      loginThrottlePolicy: rl.loginThrottle,
      clock,
      newId: randomUUID,
      refreshTokenTtlDays: config.refreshTokenTtlDays,
    },
    {
      limits: {
        login: rateLimit(limiter('login-ip', rl.loginIp)),
        register: rateLimit(limiter('register-ip', rl.registerIp)),
        code: rateLimit(limiter('code-ip', rl.codeIp), {
          limiter: limiter('code-account', rl.codeAccount),
          accountKey: emailInBody,
        }),
      },
      secureCookies: config.production,
      onBackgroundError: (err) => logger.error({ err }, 'background task failed'),
    },
  );

  const storage = makeS3ObjectStorage(config.s3);
  const files = await makeFilesModule(db, { storage, clock, newId: randomUUID }, identity.guards);
  const doctors = await makeDoctorsModule(
    db,
    outbox,
    {
      // Identity decides whether an account is blocked; doctors mirror it for search.
      users: { findById: identity.useCases.findAccount },
      files: files.useCases,
      // Bound late: scheduling is built next and itself asks doctors who is listed.
      availability: { doctorsAvailableOn: (date, tz) => scheduling.useCases.doctorsAvailableOn(date, tz) },
      clock,
    },
    identity.guards,
  );
  const admin = await makeAdminModule(
    db,
    {
      accounts: { setBlocked: identity.useCases.setBlocked, findNames: identity.useCases.findNames },
      doctors: doctors.useCases,
      clock,
    },
    doctors.useCases,
    identity.guards,
  );
  for (const [type, handler] of Object.entries({ ...doctors.effectHandlers, ...admin.effectHandlers })) {
    outbox.register(type, handler);
  }

  const scheduling = await makeSchedulingModule(
    db,
    {
      doctors: doctors.useCases,
      clock,
      newToken: randomUUID,
      busyIndex: redis ? makeRedisBusyIndex(redis, config.mongo.db) : makeMemoryBusyIndex(),
    },
    identity.guards,
  );
  const appointments = await makeAppointmentsModule(
    db,
    outbox,
    {
      time: scheduling.useCases,
      directory: { findListedDoctor: doctors.useCases.findListedDoctor, findAccount: identity.useCases.findAccount },
      clock,
      newId: randomUUID,
      deriveId: derivedId,
    },
    identity.guards,
  );

  const app = createApp({
    logger,
    webOrigin: config.webOrigin,
    webDist: config.webDist,
    trustProxy: config.trustProxy,
    isReady: () => pingMongo(db),
    apiRouters: [identity.router, files.router, doctors.router, scheduling.router, appointments.router, admin.router],
  });

  outbox.start();

  return {
    app,
    outbox,
    deriveId: derivedId,
    identity,
    doctors,
    scheduling,
    appointments,
    async close() {
      await outbox.stop();
      storage.close();
      mailer.close();
      redis?.disconnect();
      await client.close();
    },
  };
}
