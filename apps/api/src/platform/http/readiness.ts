import type { RequestHandler } from 'express';

/** Resolves when the dependency answers; rejects (or never settles) when it does not. */
export type ReadinessProbe = () => Promise<unknown>;
export type ReadinessChecks = Record<string, 'ok' | 'down'>;

/** Whether `probe` answered within `timeoutMs`: a paused server must make it 'down', not hang. */
async function check(probe: ReadinessProbe, timeoutMs: number): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), timeoutMs)));
  try {
    return await Promise.race([
      probe().then(
        () => 'ok' as const,
        () => 'down' as const,
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every dependency probed at once, each bounded by `timeoutMs`. */
export async function checkReadiness(probes: Record<string, ReadinessProbe>, timeoutMs = 1_000): Promise<ReadinessChecks> {
  const names = Object.keys(probes);
  const results = await Promise.all(names.map((name) => check(probes[name]!, timeoutMs)));
  return Object.fromEntries(names.map((name, i) => [name, results[i]!]));
}

/**
 * `GET /readyz`: 200 `{status: 'ready', checks}` when every dependency answers
 * within the timeout, else 503 `{status: 'unavailable', checks}` naming which
 * one is down, e.g. `{mongo: 'down', redis: 'ok'}`.
 */
export function readinessHandler(probes: Record<string, ReadinessProbe>, timeoutMs = 1_000): RequestHandler {
  return async (_req, res) => {
    const checks = await checkReadiness(probes, timeoutMs);
    const ready = Object.values(checks).every((c) => c === 'ok');
    res
      .status(ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: ready ? 'ready' : 'unavailable', checks });
  };
}
