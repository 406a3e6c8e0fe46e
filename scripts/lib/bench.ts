// Small helpers the benchmark scripts share.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { newDataKeysJson } from '../../apps/api/src/platform/security/data-keyring.ts';
import { debian, ensureDebianPackages, ensureGoTools, root, startServices } from './services.mjs';

/**
 * Installs what the services need and starts a benchmark's own set on its own ports, with
 * fresh data under `.data/<name>` and a data keyring in `env.DATA_KEYS`; Ctrl-C stops them.
 */
export async function startBenchServices(
  name: string,
  webOrigin: string,
  ports: Record<'mongo' | 'mailpitWeb' | 'smtp' | 's3' | 'redis', number>,
) {
  ensureDebianPackages([debian.redis]);
  ensureGoTools();
  const dataDir = path.join(root, '.data', name);
  rmSync(dataDir, { recursive: true, force: true });
  const services = await startServices({ dataDir, webOrigin, ports });

  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void services.stop().finally(() => process.exit(130)));
  // One data keyring for the run: what the benchmark seeds, the API it starts opens.
  return { ...services, env: { ...services.env, DATA_KEYS: process.env.DATA_KEYS ?? newDataKeysJson() } };
}

/** The p-th percentile of ascending `sorted`. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Runs `work` over `items` with at most `width` at a time. */
export async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
