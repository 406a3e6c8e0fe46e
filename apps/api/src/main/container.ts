import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { makeAdminModule } from '../modules/admin/index.ts';
import { makeAppointmentsModule } from '../modules/appointments/index.ts';
import { makeDoctorsModule } from '../modules/doctors/index.ts';
import { makeFilesModule } from '../modules/files/index.ts';
import { makeIdentityModule } from '../modules/identity/index.ts';
import { makeSchedulingModule } from '../modules/scheduling/index.ts';
import { createApp } from '../platform/http/app.ts';
import { emailInBody, rateLimit } from '../platform/http/rate-limit.middleware.ts';
import { makeSmtpMailer } from '../platform/mail/smtp-mailer.ts';
import { connectMongo, pingMongo } from '../platform/mongo/mongo.ts';
import { makeFailureLimiter, makeLimiter, type Limit } from '../platform/rate-limiters.ts';
import { makeMemoryBusyIndex, makeRedisBusyIndex } from '../platform/redis/busy-index.ts';
import { connectRedis } from '../platform/redis/redis.ts';
import { makeArgon2PasswordHasher } from '../platform/security/argon2-password-hasher.ts';
import { makeS3ObjectStorage } from '../platform/storage/s3-object-storage.ts';
import { makeJwtAccessTokenSigner } from '../platform/security/jwt-access-token-signer.ts';
import { nodeCryptoSecrets } from '../platform/security/node-crypto-secrets.ts';
import type { Config } from './config.ts';

/** The composition root: the only place that knows every concrete adapter. */
export async function buildContainer(config: Config, logger: Logger, overrides: { clock?: { now(): Date } } = {}) {
  const { client, db } = await connectMongo(config.mongo.uri, config.mongo.db);
  const redis = config.redisUrl ? connectRedis(config.redisUrl) : undefined;
  const mailer = makeSmtpMailer(config.smtpUrl, config.mailFrom, logger);
  const clock = overrides.clock ?? { now: () => new Date() };
  const rl = config.rateLimits;
  const limiter = (name: string, limit: Limit) => makeLimiter(name, limit, redis, config.mongo.db);

  const identity = await makeIdentityModule(
    db,
    {
      hasher: makeArgon2PasswordHasher(),
      tokens: makeJwtAccessTokenSigner(config.jwtSecret, config.accessTokenTtlSeconds),
      secrets: nodeCryptoSecrets,
      mailer,
      loginFailures: makeFailureLimiter(limiter('login-fail', rl.loginAccountFails)),
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
    {
      users: { findById: identity.useCases.findAccount },
      files: files.useCases,
      // Bound late: scheduling is built next and itself asks doctors who is listed.
      availability: { doctorsAvailableOn: (date, tz) => scheduling.useCases.doctorsAvailableOn(date, tz) },
      mailer,
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
      newId: randomUUID,
    },
    doctors.useCases,
    identity.guards,
  );

  const scheduling = await makeSchedulingModule(
    db,
    { doctors: doctors.useCases, clock, busyIndex: redis ? makeRedisBusyIndex(redis, config.mongo.db) : makeMemoryBusyIndex() },
    identity.guards,
  );
  const appointments = await makeAppointmentsModule(
    db,
    {
      time: scheduling.useCases,
      directory: { findListedDoctor: doctors.useCases.findListedDoctor, findAccount: identity.useCases.findAccount },
      mailer,
      clock,
      newId: randomUUID,
      onBackgroundError: (err) => logger.error({ err }, 'appointment mail failed'),
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

  return {
    app,
    identity,
    doctors,
    scheduling,
    appointments,
    async close() {
      storage.close();
      mailer.close();
      redis?.disconnect();
      await client.close();
    },
  };
}
