import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { OutgoingMail } from '../side-effect.ts';

export type { OutgoingMail };

export function makeSmtpMailer(smtpUrl: string, from: string, logger: Logger) {
  // Bounded waits: a hung server must fail an attempt well within the outbox's lease.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
  return {
    /** `messageId` lets receivers drop a duplicate of the same outbox entry. */
    async send(mail: OutgoingMail, options: { messageId?: string } = {}): Promise<void> {
      await transport.sendMail({ from, ...mail, ...(options.messageId ? { messageId: options.messageId } : {}) });
      logger.info({ subject: mail.subject }, 'mail sent'); // never the body: it holds codes
    },
    close: () => transport.close(),
  };
}
