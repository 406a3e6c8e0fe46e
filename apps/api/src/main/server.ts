import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { ConfigError, emptyAsUnset, loadConfig } from './config.ts';
import { buildContainer } from './container.ts';
import { makeLogger } from '../platform/logger.ts';

async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(emptyAsUnset(process.env));
  const logger = makeLogger(config.logLevel);
  const container = await buildContainer(config, logger);
  const server = createServer(container.app);
  container.realtime.attach(server);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port }, `DocTime API listening on http://localhost:${port}`);

  // Frees time left claimed by changes that crashed half-way, rebuilds the busy-time read
  // model from the claims, and forgets past claims: one process at a time (claim-maintenance.ts).
  const claimMaintenance = setInterval(() => {
    container.claimMaintenance
      .run()
      .then((run) => run.ran && logger.info(run.result, 'claim maintenance done'))
      .catch((err) => logger.error({ err }, 'claim maintenance failed'));
  }, 5 * 60_000);
  claimMaintenance.unref();

  // Reminders and other effects due at a time: every 20 s, one process at a time (scheduled-effects.ts).
  container.scheduledEffects.start(20_000);

  // Hourly housekeeping that TTL indexes would do on MongoDB (FerretDB has none).
  const housekeeping = setInterval(() => {
    Promise.all([
      container.identity.useCases.purgeExpired(),
      container.appointments.useCases.purgeIdempotencyKeys(),
      container.files.useCases.sweepUnattachedUploads(),
      // Attempt leases only matter while an entry could still be retried.
      container.outbox.purgeBefore(new Date(Date.now() - 7 * 86_400_000)),
    ])
      .then((removed) => logger.info({ removed: removed.reduce((a, b) => a + b, 0) }, 'housekeeping done'))
      .catch((err) => logger.error({ err }, 'housekeeping failed'));
  }, 60 * 60_000);
  housekeeping.unref();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close();
    server.closeAllConnections();
    await container.close(); // sockets first
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  // A configuration error is a message for the operator, not a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
