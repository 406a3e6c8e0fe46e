import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { makeAdminModule } from '../modules/admin/index.ts';
import { makeAppointmentsModule } from '../modules/appointments/index.ts';
import { makeDoctorsModule } from '../modules/doctors/index.ts';
import { makeFilesModule } from '../modules/files/index.ts';
import { makeIdentityModule } from '../modules/identity/index.ts';
import { makeConsultationsModule, ZEGO_ORIGINS } from '../modules/consultations/index.ts';
import { makeMessagingModule } from '../modules/messaging/index.ts';
import { makeNotificationsModule } from '../modules/notifications/index.ts';
import { makePatientsModule } from '../modules/patients/index.ts';
import { makePrivacyModule, type PersonalDataSource } from '../modules/privacy/index.ts';
import { makeSchedulingModule } from '../modules/scheduling/index.ts';
import { createApp } from '../platform/http/app.ts';
import { callerOrIp, clientIp, emailInBody, rateLimit, withQuery } from '../platform/http/rate-limit.middleware.ts';
import { makeSmtpMailer, type OutgoingMail } from '../platform/mail/smtp-mailer.ts';
import { makeOutbox, type EffectHandler } from '../platform/outbox/outbox.ts';
import { makeScheduledEffects } from '../platform/outbox/scheduled-effects.ts';
import { makePresence } from '../platform/realtime/presence.ts';
import { makeRealtimeServer } from '../platform/realtime/socket-server.ts';
import { moveLegacyClaims } from '../platform/mongo/sequenced-log.ts';
import { makeJobLeases } from '../platform/mongo/job-lease.ts';
import { connectMongo } from '../platform/mongo/mongo.ts';
import { makeAttemptThrottle, makeBudget, makeLimiter, type Limit } from '../platform/rate-limiters.ts';
import { makeMemoryBusyIndex, makeRedisBusyIndex } from '../platform/redis/busy-index.ts';
import { connectRedis } from '../platform/redis/redis.ts';
import { makeArgon2PasswordHasher } from '../platform/security/argon2-password-hasher.ts';
import { makeS3ObjectStorage } from '../platform/storage/s3-object-storage.ts';
import { makeFieldCipher } from '../platform/security/field-cipher.ts';
import type { ProtectedStore } from '../platform/security/protected-fields.ts';
import { makeJwtAccessTokenSigner } from '../platform/security/jwt-access-token-signer.ts';
import { makeNodeCryptoSecrets } from '../platform/security/node-crypto-secrets.ts';
import { makeClaimMaintenance } from './claim-maintenance.ts';
import type { Config } from './config.ts';

/** A UUID-shaped id derived from a seed: the same seed always gives the same id. */
function derivedId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The composition root: the only place that knows every concrete adapter. */
export async function buildContainer(config: Config, logger: Logger, overrides: { clock?: { now(): Date } } = {}) {
  const { client, db } = await connectMongo(config.mongo.uri, config.mongo.db);
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : undefined;
  const mailer = makeSmtpMailer(config.smtpUrl, config.mailFrom, logger);
  const clock = overrides.clock ?? { now: () => new Date() };
  // Seals health and identity fields at the repositories' edge (decision 0017).
  const cipher = makeFieldCipher(config.dataKeys);
  // Side effects (e-mail, later notifications and socket pushes) leave through the outbox.
  const outbox = makeOutbox(db, logger, clock);
  await outbox.ensureIndexes();
  // Uid claims now live beside their logs' entries (decision 19): data of earlier versions follows.
  for (const log of ['messages', 'notifications', 'scheduled_effects']) await moveLegacyClaims(db, log);
  outbox.register('email', (mail, { entryId }) =>
    mailer.send(mail as unknown as OutgoingMail, { messageId: `<${entryId}@doctime.outbox>` }),
  );
  const leases = makeJobLeases(db, clock);
  await leases.ensureIndexes();
  const rl = config.rateLimits;
  const limiter = (name: string, limit: Limit) => makeLimiter(name, limit, redis, config.mongo.db);
  // Per IP for anyone; per user for signed-in routes (placed after their auth guard).
  const perIp = (name: string, limit: Limit) => rateLimit([limiter(name, limit), clientIp]);
  const perCaller = (name: string, limit: Limit) => rateLimit([limiter(name, limit), callerOrIp]);

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
        login: perIp('login-ip', rl.loginIp),
        refresh: perIp('refresh-ip', rl.refreshIp),
        register: perIp('register-ip', rl.registerIp),
        code: rateLimit([limiter('code-ip', rl.codeIp), clientIp], [limiter('code-account', rl.codeAccount), emailInBody]),
      },
      secureCookies: config.production,
      onBackgroundError: (err) => logger.error({ err }, 'background task failed'),
    },
  );

  // The live connection (decision 0018): Socket.io on the API's HTTP server, attached by server.ts.
  const realtime = makeRealtimeServer({
    authenticate: identity.useCases.authenticate,
    logger,
    webOrigin: config.webOrigin,
    redisUrl: config.redisUrl,
    namespace: config.mongo.db,
    presence: makePresence(redis, config.mongo.db),
    clock,
  });

  const storage = makeS3ObjectStorage(config.s3);
  const files = await makeFilesModule(
    db,
    {
      storage,
      clock,
      newId: randomUUID,
      uploadLimits: config.uploadLimits,
      // Bound late: messaging is built later and says who else may see a chat attachment.
      sharedMedia: { canView: (fileId, userId) => messaging.useCases.canViewMedia(fileId, userId) },
    },
    identity.guards,
    { upload: perCaller('upload-user', rl.uploadUser) },
  );
  const doctors = await makeDoctorsModule(
    db,
    outbox,
    cipher,
    {
      // Identity decides whether an account is blocked; doctors mirror it for search.
      users: { findById: identity.useCases.findAccount },
      files: files.useCases,
      // Bound late: scheduling is built next and itself asks doctors who is listed.
      availability: { doctorsAvailableOn: (date, tz) => scheduling.useCases.doctorsAvailableOn(date, tz) },
      clock,
    },
    identity.guards,
    {
      // Every search spends the search budget; one with `availableOn` (every doctor's hours
      // checked against that day) also spends a smaller one.
      search: rateLimit(
        [limiter('search-ip', rl.searchIp), clientIp],
        [limiter('search-available-ip', rl.searchAvailableIp), withQuery('availableOn', clientIp)],
      ),
    },
  );
  const admin = await makeAdminModule(
    db,
    outbox,
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
    outbox,
    {
      doctors: doctors.useCases,
      clock,
      newToken: randomUUID,
      busyIndex: redis ? makeRedisBusyIndex(redis, config.mongo.db) : makeMemoryBusyIndex(),
    },
    identity.guards,
    { slots: perIp('slots-ip', rl.slotsIp) },
    (err) => logger.error({ err }, 'busy index rebuild failed; listings read the claims meanwhile'),
  );
  // Notifications and scheduled effects: the timer wheel fires reminders (and any effect due at a
  // time) exactly once across processes (decision 0020); the notification centre stores what
  // modules notify through the outbox and pushes it live.
  const scheduledEffects = makeScheduledEffects(db, outbox, leases, clock, {
    onError: (err) => logger.error({ err }, 'scheduled effects run failed'),
  });
  const notifications = makeNotificationsModule(db, cipher, { push: realtime, clock, newId: randomUUID }, identity.guards);
  // (end of notifications and scheduled effects)
  const appointments = await makeAppointmentsModule(
    db,
    outbox,
    cipher,
    {
      time: scheduling.useCases,
      directory: { findListedDoctor: doctors.useCases.findListedDoctor, findAccount: identity.useCases.findAccount },
      // An admin's read of someone's appointment is audited by admin before it is answered.
      accessAudit: { recordAdminRead: admin.useCases.recordAdminRead },
      // Bound late: consultations are built after appointments, whose facts they read.
      consultations: { consultationRecord: (a) => consultations.useCases.consultationRecord(a) },
      clock,
      newId: randomUUID,
      deriveId: derivedId,
    },
    identity.guards,
    { booking: perCaller('booking-user', rl.bookingUser) },
    { scheduler: scheduledEffects, webOrigin: config.webOrigin },
  );
  const patients = makePatientsModule(db, outbox, cipher, identity.guards, clock);
  const messaging = makeMessagingModule(
    db,
    outbox,
    cipher,
    {
      appointments: { findAppointmentFacts: appointments.useCases.findAppointmentFacts },
      users: { findNames: identity.useCases.findNames, findAccount: identity.useCases.findAccount },
      files: { attachFile: files.useCases.attachFile },
      realtime,
      scheduler: scheduledEffects,
      notify: (notification) => notifications.useCases.deliverNotification(notification, notification.key),
      messageBudget: makeBudget(limiter('message-user', rl.messageUser), rl.messageUser),
      conversationIdFor: (patientId, doctorId) => derivedId(`conversation:${patientId}:${doctorId}`),
      messageIdFor: (conversationId, senderId, clientId) => derivedId(`message:${conversationId}:${senderId}:${clientId}`),
      webOrigin: config.webOrigin,
      clock,
    },
    identity.guards,
  );
  for (const [event, handler] of Object.entries(messaging.socketHandlers)) realtime.on(event, handler);
  for (const [event, listener] of Object.entries(messaging.heardElsewhere)) realtime.onEmittedElsewhere(event, listener);
  for (const [type, decide] of Object.entries(messaging.scheduledHandlers)) scheduledEffects.register(type, decide);
  const consultations = makeConsultationsModule(
    db,
    config.video,
    {
      appointments: { findAppointmentFacts: appointments.useCases.findAppointmentFacts },
      users: { findAccount: identity.useCases.findAccount },
      realtime,
      clock,
    },
    identity.guards,
    (err) => logger.warn({ err }, 'recording a call leave failed'),
  );
  for (const [event, handler] of Object.entries(consultations.socketHandlers)) realtime.on(event, handler);
  realtime.onSocketClosing(consultations.onSocketClosing);
  realtime.onPresence((userId, online) =>
    messaging.useCases.announcePresence(userId, online).catch((err) => logger.warn({ err }, 'presence announcement failed')),
  );
  // A patient's data export and account deletion reach each module holding personal data
  // through its source (prescriptions add theirs when they arrive).
  const personalData: PersonalDataSource[] = [
    {
      name: 'medicalProfile',
      exportFor: async (id) => ({ data: await patients.useCases.getMedicalProfile(id) }),
      eraseFor: patients.useCases.eraseMedicalProfile,
    },
    {
      name: 'appointments',
      exportFor: async (id) => ({ data: await appointments.useCases.listPatientAppointments(id) }),
      eraseFor: (id) => appointments.useCases.erasePatientAppointments(id),
    },
    {
      name: 'messages',
      exportFor: async (id) => ({ data: await messaging.useCases.exportPatientMessages(id) }),
      eraseFor: messaging.useCases.erasePatientMessages,
    },
    {
      name: 'notifications',
      exportFor: async (id) => ({ data: await notifications.useCases.exportNotifications(id) }),
      eraseFor: notifications.useCases.eraseNotifications,
    },
  ];
  const privacy = makePrivacyModule(
    {
      accounts: { exportAccount: identity.useCases.exportAccount, eraseAccount: identity.useCases.eraseAccount },
      sources: personalData,
      clock,
    },
    identity.guards,
    { export: perCaller('export-user', rl.privacyUser), deletion: perCaller('delete-account-user', rl.privacyUser) },
  );

  // An effect type several modules follow (an appointment's change, an account's block) runs
  // their handlers in turn; each is idempotent, since a failure retries them all.
  const handlersByType = new Map<string, EffectHandler[]>();
  for (const handlers of [
    identity.effectHandlers,
    privacy.effectHandlers,
    doctors.effectHandlers,
    admin.effectHandlers,
    appointments.effectHandlers,
    notifications.effectHandlers,
    messaging.effectHandlers,
    // A blocked account's sockets close at once, on every process.
    {
      'account.block-changed': async (payload: Record<string, unknown>) =>
        void (payload['blocked'] && realtime.disconnectUser(String(payload['userId']))),
    },
  ]) {
    for (const [type, handler] of Object.entries(handlers))
      handlersByType.set(type, [...(handlersByType.get(type) ?? []), handler]);
  }
  for (const [type, handlers] of handlersByType) {
    outbox.register(type, async (payload, context) => {
      for (const handler of handlers) await handler(payload, context);
    });
  }

  const claimMaintenance = makeClaimMaintenance({
    leases,
    clock,
    purgePastClaims: scheduling.useCases.purgePastClaims,
    reconcileClaims: appointments.useCases.reconcileClaims,
    rebuildBusyIndex: scheduling.useCases.rebuildBusyIndex,
  });

  const app = createApp({
    logger,
    webOrigin: config.webOrigin,
    webDist: config.webDist,
    trustProxy: config.trustProxy,
    // Exactly the origin of the presigned URLs browsers are handed (path- or virtual-host style).
    storageOrigin: new URL(await storage.presignGet('origin-probe', 60)).origin,
    // Zego's UIKit talks to Zego's cloud (its signalling and media servers) from the browser.
    ...(config.video.zego ? { connectOrigins: ZEGO_ORIGINS } : {}),
    // Each probe is also bounded by /readyz itself (1 s): a paused server must not hang it.
    readiness: { mongo: () => db.command({ ping: 1 }, { timeoutMS: 1_000 }), ...(redis ? { redis: () => redis.ping() } : {}) },
    apiRouters: [
      identity.router,
      files.router,
      doctors.router,
      scheduling.router,
      appointments.router,
      admin.router,
      patients.router,
      privacy.router,
      notifications.router,
      messaging.router,
      consultations.router,
    ],
  });

  outbox.start();
  /** Every store that seals health or identity data: what `npm run keys:rotate` walks. */
  const protectedStores: ProtectedStore[] = [
    ...doctors.protectedStores,
    ...appointments.protectedStores,
    ...patients.protectedStores,
    ...messaging.protectedStores,
    ...notifications.protectedStores,
  ];

  return {
    app,
    outbox,
    deriveId: derivedId,
    identity,
    files,
    doctors,
    scheduling,
    appointments,
    patients,
    privacy,
    claimMaintenance,
    protectedStores,
    notifications,
    scheduledEffects,
    messaging,
    /** Socket.io on the API's HTTP server: `attach(server)` once it exists. */
    realtime,
    async close() {
      await realtime.close();
      await scheduledEffects.stop();
      await outbox.stop();
      await scheduling.close();
      identity.close();
      doctors.close();
      storage.close();
      mailer.close();
      redis?.disconnect();
      await client.close();
    },
  };
}
