import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './outbox.ts';

const binary = path.resolve(import.meta.dirname, '../../../../.tools/bin/mailpit');

const isOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => resolve(!!socket.end()));
    socket.once('error', () => resolve(false));
  });

/**
 * A Mailpit of a test's own (the real binary `npm test` built), which the test
 * can stop and start again to see what the app does while mail is down.
 */
export async function ownMailpit() {
  const [smtp, web] = await Promise.all([freePort(), freePort()]);
  const database = path.join(mkdtempSync(path.join(tmpdir(), 'mailpit-')), 'mail.db');
  let child: ChildProcess | undefined;
  const api = `http://127.0.0.1:${web}/api/v1`;
  const self = {
    smtpUrl: `smtp://127.0.0.1:${smtp}`,
    async start() {
      child = spawn(binary, ['--listen', `127.0.0.1:${web}`, '--smtp', `127.0.0.1:${smtp}`, '--database', database, '--quiet'], {
        stdio: 'ignore',
      });
      for (let i = 0; i < 100 && !(await isOpen(smtp)); i++) await new Promise((r) => setTimeout(r, 100));
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
    /** Every message's recipient and subject, one entry per message received. */
    async messages(): Promise<{ to: string; subject: string; messageId: string }[]> {
      const res = await fetch(`${api}/messages?limit=1000`);
      const body = (await res.json()) as { messages: { To: { Address: string }[]; Subject: string; MessageID: string }[] };
      return body.messages.map((m) => ({ to: m.To[0]!.Address, subject: m.Subject, messageId: m.MessageID }));
    },
  };
  return self;
}
