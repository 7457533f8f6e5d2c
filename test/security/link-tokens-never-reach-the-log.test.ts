// A log line must not let whoever reads it act as a signer or an organizer: the tokens of sign-in links and
// signer links are masked in the request log and in the development mail transport's log of links.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileTransport } from '../../src/platform/mail/transport.js';
import { enginesToTest } from '../support/databases.js';
import { testAppOn, type TestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

function capture(): { logger: pino.Logger; text: () => string } {
  const lines: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }),
  );
  return { logger, text: () => lines.join('') };
}

const TOKEN = 'QmFzZTY0VG9rZW5UaGF0TXVzdE5vdExlYWs';

describe('link tokens in logs', () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it('the request log shows /signin/… and /s/…/, never the token', async () => {
    const [sqlite] = enginesToTest();
    if (sqlite === undefined) throw new Error('no engine');
    const log = capture();
    t = testAppOn(await sqlite.open(), { logger: log.logger });
    await t.app.request(`/signin/${TOKEN}`);
    await t.app.request(`/es/s/${TOKEN}/confirm`);
    await t.app.request(`/en/s/${TOKEN}/unsubscribe`, { method: 'POST' });
    expect(log.text()).toContain('"path":"/signin/…"');
    expect(log.text()).toContain('"path":"/es/s/…/confirm"');
    expect(log.text()).not.toContain(TOKEN);
  });

  it('the development mail transport logs the file and the links with their tokens masked; the file keeps the link', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-mail-log-'));
    try {
      const log = capture();
      const transport = createFileTransport({ dir, from: 'Firma <firma@localhost>', logger: log.logger });
      await transport.send({
        to: 'ana@example.org',
        subject: copy('en', 'mail.signIn.action'),
        text: `Open http://localhost:3000/signin/${TOKEN} now`,
        html: '',
        headers: {},
      });
      transport.close();
      expect(log.text()).toContain('http://localhost:3000/signin/…');
      expect(log.text()).not.toContain(TOKEN);
      const [file] = fs.readdirSync(dir);
      expect(fs.readFileSync(path.join(dir, file ?? ''), 'utf8')).toContain(TOKEN);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
