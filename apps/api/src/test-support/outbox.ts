import { createServer } from 'node:net';
import type { TestApi } from './test-api.ts';

/** A free local port (nothing listens on it once this returns). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An SMTP address where nothing listens: every delivery attempt fails at once. */
export const unreachableSmtpUrl = async () => `smtp://127.0.0.1:${await freePort()}`;

/**
 * Delivers every pending side effect of `api` (audit entries, mails, events).
 * One drain is not always enough: an entry seen before its change was
 * committed waits a second, so this drains until the outbox is empty (5 s at most).
 */
export async function settleSideEffects(api: TestApi, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await api.container.outbox.drain();
    if ((await api.db.collection('outbox').countDocuments({ failedAt: { $exists: false } })) === 0) return;
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
