// Where mail goes: an SMTP server (nodemailer, pooled, optional DKIM), or, with no SMTP_URL, .eml files.
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { redactTokens } from '../redact-tokens.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface DkimKey {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface SmtpTransportOptions {
  url: string;
  from: string;
  dkim?: DkimKey | undefined;
  maxConnections?: number;
}

export function createSmtpTransport({ url, from, dkim, maxConnections = 5 }: SmtpTransportOptions): MailTransport {
  const transporter = nodemailer.createTransport(
    {
      pool: true,
      url,
      maxConnections,
      maxMessages: Infinity,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      ...(dkim === undefined ? {} : { dkim }),
    },
    { from },
  );
  return {
    async send(mail) {
      await transporter.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
    },
    close: () => transporter.close(),
  };
}

export interface FileTransportOptions {
  dir: string;
  from: string;
  logger: Logger;
}

/**
 * For development: each message becomes an .eml file, and its file name and links are logged. The links'
 * tokens are masked (a log must not let its reader act as the recipient): the .eml file has the whole link.
 */
export function createFileTransport({ dir, from, logger }: FileTransportOptions): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from });
  let sequence = 0;
  // Made once, not once per message (a signing spike queues thousands).
  let dirMade: Promise<unknown> | undefined;
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
      dirMade ??= fs.mkdir(dir, { recursive: true });
      await dirMade;
      sequence += 1;
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${sequence}.eml`);
      const message = info.message;
      await fs.writeFile(file, Buffer.isBuffer(message) ? message : String(message));
      const links = [...new Set(mail.text.match(/https?:\/\/\S+/g) ?? [])].map(redactTokens);
      // The file name and links only: no addresses or names in logs.
      logger.info({ file, links }, `mail written: ${mail.subject}`);
    },
    close: () => transporter.close(),
  };
}

/** An SMTP 5xx answer is final for this message; anything else (4xx, network) may succeed later. */
export function isPermanentFailure(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = 'responseCode' in err ? Number((err as { responseCode: unknown }).responseCode) : NaN; // narrowed by `in`
  return code >= 500 && code < 600;
}

export function describeFailure(err: unknown): string {
  if (err instanceof Error) {
    const response = 'response' in err ? String((err as { response: unknown }).response) : undefined; // nodemailer adds the server's reply
    return withoutAddresses(
      response === undefined || response === 'undefined' ? err.message : `${err.message} (${response})`,
    );
  }
  return withoutAddresses(String(err));
}

// Mail servers quote the refused address in their reply ("550 5.1.1 <rosa@example.org>: …"). The reason
// is kept in the outbox and the logs, so it keeps only the domain: enough to see which provider refuses.
const ADDRESS = /[^\s<>()[\]"',;:@]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, '…@$1');
}
