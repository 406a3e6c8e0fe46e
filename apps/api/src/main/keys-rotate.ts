import { parseArgs } from 'node:util';
import { makeLogger } from '../platform/logger.ts';
import { ConfigError, loadConfig, readEnvironment } from './config.ts';
import { buildContainer } from './container.ts';
import { rotateDataKeys } from './key-rotation.ts';

/**
 * `npm run keys:rotate [-- --check]`: after a new key was made current in
 * DATA_KEYS and every API process restarted with it, seals the values stored
 * under older keys (or in plaintext) again, while the API serves; then says
 * which keys nothing uses any more. `--check` only counts. Reads the settings
 * `npm start` reads, like admin:create.
 */
async function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const config = loadConfig(readEnvironment());
  const container = await buildContainer(config, makeLogger('warn'));
  try {
    const keyring = { current: config.dataKeys.current, keyIds: [...config.dataKeys.keys.keys()] };
    await rotateDataKeys(container.protectedStores, keyring, (line) => console.log(line), { checkOnly: values.check });
  } finally {
    await container.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
