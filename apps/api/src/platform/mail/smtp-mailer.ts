import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export function makeSmtpMailer(smtpUrl: string, from: string, logger: Logger) {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail: OutgoingMail): Promise<void> {
      await transport.sendMail({ from, ...mail });
      logger.info({ subject: mail.subject }, 'mail sent'); // never the body: it holds codes
    },
    close: () => transport.close(),
  };
}
