import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './outbox.ts';

const isOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => resolve(!!socket.end()));
    socket.once('error', () => resolve(false));
  });

/**
 * A real service binary of a test's own on a free loopback port, which the
 * test can kill, pause (SIGSTOP: the port stays open, nothing answers) and
 * restart on the same port with the same arguments (so the same data dir).
 * The process is killed when the test process exits, whatever happens.
 */
export async function startServiceProcess(name: string, binary: string, args: (port: number) => string[]) {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const running = () => !!child && child.exitCode === null && child.signalCode === null;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const start = async () => {
    let output = '';
    const started = spawn(binary, args(port), { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    started.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
    started.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
    for (let i = 0; i < 200; i++) {
      if (started.exitCode !== null) break;
      if (await isOpen(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    started.kill('SIGKILL');
    throw new Error(`${name} did not start on port ${port}:\n${output}`);
  };
  const end = async (signal: NodeJS.Signals) => {
    if (!running()) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child!.kill('SIGCONT'); // a paused process handles SIGTERM only once it runs again
    child!.kill(signal);
    const force = setTimeout(() => child?.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(force);
  };

  await start();
  return {
    port,
    /** Freezes the process (SIGSTOP): connections open, no answers. */
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    /** Dies at once (SIGKILL), as in a crash. */
    kill: () => end('SIGKILL'),
    /** Ends it (if running) and starts it again on the same port with the same data. */
    async restart() {
      await end('SIGTERM');
      await start();
    },
    /** Ends it for good (graceful). */
    async stop() {
      await end('SIGTERM');
      process.removeListener('exit', killOnExit);
    },
  };
}
