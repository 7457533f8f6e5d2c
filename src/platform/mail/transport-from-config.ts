// Chooses the mail transport from the configuration: SMTP when SMTP_URL is set, else .eml files.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { ConfigError } from '../config.js';
import { createFileTransport, createSmtpTransport, type MailTransport } from './transport.js';

export function mailTransportFromConfig(config: Config, logger: Logger): MailTransport {
  const { mail } = config;
  if (mail.smtpUrl === undefined) {
    const dir = path.join(config.dataDir, 'mail');
    logger.info({ dir }, 'no SMTP_URL: mail is written as .eml files, and its links are logged');
    return createFileTransport({ dir, from: mail.from, logger });
  }
  let dkim;
  if (mail.dkim !== undefined) {
    try {
      dkim = {
        domainName: mail.dkim.domainName,
        keySelector: mail.dkim.keySelector,
        privateKey: fs.readFileSync(mail.dkim.privateKeyFile, 'utf8'),
      };
    } catch {
      throw new ConfigError(`DKIM_PRIVATE_KEY_FILE: cannot read ${mail.dkim.privateKeyFile}`);
    }
  }
  return createSmtpTransport({ url: mail.smtpUrl, from: mail.from, dkim });
}
