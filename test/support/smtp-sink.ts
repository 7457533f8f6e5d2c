// A real SMTP server inside the test process: receives mail over TCP, parses it with mailparser,
// and can be taken down, brought back, or told to refuse recipients permanently, or require a login.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  parsed: ParsedMail;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Recipients answered with 550: a permanent failure. */
  rejectRecipients: Set<string>;
  /** Milliseconds each message's acceptance is held back (a slow server: the tests cut things mid-batch). */
  delayMs: number;
  stop(): Promise<void>;
  /** Starts again on the same port (after stop). */
  start(): Promise<void>;
  /** Resolves once `count` messages matching `filter` have arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, filter?: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  port?: number;
  /** Required: a client must log in with this user name and password (AUTH PLAIN or LOGIN), or is refused with 535. */
  auth?: { user: string; pass: string };
}

export async function startSmtpSink(portOrOptions: number | SmtpSinkOptions = 0): Promise<SmtpSink> {
  const { port = 0, auth } = typeof portOrOptions === 'number' ? { port: portOrOptions } : portOrOptions;
  const received: ReceivedMail[] = [];
  const rejectRecipients = new Set<string>();
  const loginOptions: SMTPServerOptions =
    auth === undefined
      ? {}
      : {
          // No TLS here (a test has no certificate): the login crosses the loopback in the clear.
          allowInsecureAuth: true,
          onAuth(login, _session, callback) {
            if (login.username === auth.user && login.password === auth.pass) callback(null, { user: auth.user });
            else callback(new Error('Authentication credentials invalid'));
          },
        };
  const makeServer = () =>
    new SMTPServer({
      authOptional: auth === undefined,
      ...loginOptions,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (rejectRecipients.has(address.address.toLowerCase())) {
          // Worded as Postfix does, quoting the address.
          const err = new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`) as Error & {
            responseCode: number;
          };
          err.responseCode = 550;
          callback(err);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then(async (parsed) => {
            if (sink.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, sink.delayMs));
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address).join(','),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              parsed,
            });
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
  let server = makeServer();
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)); // a TCP server's address is an AddressInfo
    });
  const boundPort = await listen(port);
  let running = true;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!running) return resolve();
      running = false;
      server.close(() => resolve());
    });
  const sink: SmtpSink = {
    url: `smtp://127.0.0.1:${boundPort}`,
    port: boundPort,
    received,
    rejectRecipients,
    delayMs: 0,
    stop,
    async start() {
      if (running) return;
      server = makeServer();
      await listen(boundPort);
      running = true;
    },
    async waitFor(count, filter = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = received.filter(filter);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline)
          throw new Error(
            `expected ${count} mail(s), got ${matching.length}: ${received.map((m) => m.subject).join(' | ')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: stop,
  };
  return sink;
}

/** The first link in a mail's text that ends with `suffix` (e.g. '/confirm'). */
export function linkIn(mail: ReceivedMail, suffix: string): string {
  const link = (mail.text.match(/https?:\/\/\S+/g) ?? []).find((l) => l.endsWith(suffix));
  if (link === undefined) throw new Error(`no link ending in ${suffix} in: ${mail.text}`);
  return link;
}
