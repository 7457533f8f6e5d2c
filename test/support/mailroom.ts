// A real SMTP server in the test process, a transport to it and a mail worker over the test app's
// outbox: what every email test sets up before each test and closes after it.
import { mailWorkerDeps } from '../../src/background-jobs.js';
import { createMailWorker, type MailWorker, type MailWorkerDeps } from '../../src/mail/mail-worker.js';
import { createSmtpTransport, type MailTransport } from '../../src/platform/mail/transport.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from './smtp-sink.js';
import type { TestApp } from './test-app.js';

export interface Mailroom {
  sink: SmtpSink;
  transport: MailTransport;
  /** Retries without waiting on chance (random 0.5); `worker` options may change the rest. */
  worker: MailWorker;
  /** Sends what is due and returns every message received so far. */
  deliver(): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function openMailroom(t: TestApp, worker: Partial<MailWorkerDeps> = {}): Promise<Mailroom> {
  const sink = await startSmtpSink();
  const transport = createSmtpTransport({ url: sink.url, from: 'Firma <firma@example.org>' });
  const mailWorker = createMailWorker({ ...mailWorkerDeps(t.deps, transport), random: () => 0.5, ...worker });
  return {
    sink,
    transport,
    worker: mailWorker,
    async deliver() {
      await mailWorker.drainAll();
      return sink.received;
    },
    async close() {
      transport.close();
      await sink.close();
    },
  };
}
