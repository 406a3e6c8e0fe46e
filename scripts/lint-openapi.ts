// Lints the OpenAPI document the API serves (built from the contracts) with
// Redocly's rules in redocly.yaml. Exits non-zero on any error.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../apps/api/src/platform/http/openapi.ts';

const root = path.resolve(import.meta.dirname, '..');
const file = path.join(root, '.data/openapi/openapi.json');
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(buildOpenApiDocument(), null, 2));
const redocly = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');
const lint = spawnSync(process.execPath, [redocly, 'lint', file, '--config', path.join(root, 'redocly.yaml')], {
  stdio: 'inherit',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
process.exit(lint.status ?? 1);
