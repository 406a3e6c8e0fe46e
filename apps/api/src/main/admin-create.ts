import { parseArgs } from 'node:util';
import { z } from 'zod';
import { fieldErrorsOf } from '@doctime/contracts';
import { AppError } from '../platform/app-error.ts';
import { makeLogger } from '../platform/logger.ts';
import { ConfigError, loadConfig, readEnvironment } from './config.ts';
import { buildContainer } from './container.ts';

const Args = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(10),
  name: z.string().trim().min(2),
});

/**
 * `npm run admin:create -- --email E --password P --name N`: the only way admins
 * come to exist. Reads the settings `npm start` reads (.env, MONGODB_URI,
 * MONGODB_DB, MONGO_PORT), so it writes into the database the running app uses.
 */
async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  });
  const args = Args.safeParse(values);
  if (!args.success) {
    console.error('Usage: npm run admin:create -- --email E --password P --name N');
    console.error(JSON.stringify(fieldErrorsOf(args.error)));
    process.exit(2);
  }
  const config = loadConfig(readEnvironment());
  const container = await buildContainer(config, makeLogger('warn'));
  try {
    const result = await container.identity.useCases.createAdmin(args.data);
    console.log(`Admin ${args.data.email} ${result} (database ${config.mongo.db}).`);
  } finally {
    await container.close();
  }
}

main().catch((error) => {
  if (error instanceof AppError) console.error(`${error.message} ${JSON.stringify(error.details ?? {})}`);
  else console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
