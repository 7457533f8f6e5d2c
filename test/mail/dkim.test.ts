import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpTransport } from '../../src/platform/mail/transport.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { copy } from '../support/copy.js';

describe('sending over SMTP', () => {
  let sink: SmtpSink;
  beforeEach(async () => {
    sink = await startSmtpSink();
  });
  afterEach(async () => sink.close());

  it('signs each message with DKIM when a key is configured', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const transport = createSmtpTransport({
      url: sink.url,
      from: 'Firma <firma@petitions.example.org>',
      dkim: {
        domainName: 'petitions.example.org',
        keySelector: 'firma2026',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    try {
      await transport.send({
        to: 'rosa@example.org',
        subject: copy('es', 'confirm.ask.title'),
        text: 'Hola',
        html: '<p>Hola</p>',
        headers: {},
      });
      const [mail] = await sink.waitFor(1);
      const signature = mail?.parsed.headerLines.find((h) => h.key === 'dkim-signature')?.line ?? '';
      expect(signature).toContain('d=petitions.example.org');
      expect(signature).toContain('s=firma2026');
      expect(mail?.parsed.from?.value[0]).toMatchObject({ name: 'Firma', address: 'firma@petitions.example.org' });
    } finally {
      transport.close();
    }
  });

  it('sends without a DKIM signature when none is configured', async () => {
    const transport = createSmtpTransport({ url: sink.url, from: 'Firma <firma@example.org>' });
    try {
      await transport.send({ to: 'rosa@example.org', subject: 'Hi', text: 'Hi', html: '<p>Hi</p>', headers: {} });
      const [mail] = await sink.waitFor(1);
      expect(mail?.parsed.headerLines.some((h) => h.key === 'dkim-signature')).toBe(false);
    } finally {
      transport.close();
    }
  });
});
