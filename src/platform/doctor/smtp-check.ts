// SMTP_URL: the server answers and takes the user name and password (nodemailer's verify: no mail is sent).
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import { errorCode, errorMessage, type Finding } from './check.js';

interface SmtpError {
  code: string | undefined;
  message: string;
  response: string | undefined;
}

function smtpError(err: unknown): SmtpError {
  const response =
    typeof err === 'object' && err !== null && 'response' in err && typeof err.response === 'string'
      ? err.response
      : undefined;
  return { code: errorCode(err), message: errorMessage(err), response };
}

/** Plain words for what went wrong talking to `server` (host:port); never the password. */
function failure({ code, message, response }: SmtpError, server: string, timeoutMs: number): Finding {
  const hostname = server.replace(/:\d+$/, '');
  if (code === 'EAUTH')
    return {
      ok: false,
      message: `the SMTP server refused the user name or password in SMTP_URL (${response ?? message}): correct them (in the URL, characters such as @ : / in the password are written %40 %3A %2F)`,
    };
  if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(message))
    return { ok: false, message: `the name ${hostname} does not resolve (DNS): correct the host in SMTP_URL` };
  if (/ECONNREFUSED/.test(message))
    return {
      ok: false,
      message: `nothing answers at ${server} (connection refused): check the host and port in SMTP_URL (usually 465 with smtps://, 587 with smtp://)`,
    };
  if (code === 'ETIMEDOUT')
    return {
      ok: false,
      message: `${server} did not answer within ${timeoutMs / 1000} seconds: check the port in SMTP_URL and the firewall (many hosting providers block outgoing port 25)`,
    };
  if (/wrong version number|packet length too long|before secure TLS connection/.test(message))
    return {
      ok: false,
      message: `${server} does not speak TLS from the start (or closed the connection): use smtps:// for port 465, smtp:// (which upgrades with STARTTLS) for 587`,
    };
  if (/certificate/i.test(message))
    return {
      ok: false,
      message: `the TLS certificate of ${hostname} is not valid for it (${message}): check the host name in SMTP_URL`,
    };
  return { ok: false, message: `${server}: ${response ?? message} (${code ?? 'no code'})` };
}

export async function checkSmtp(config: Config, { timeoutMs }: { timeoutMs: number }): Promise<Finding> {
  const { smtpUrl } = config.mail;
  if (smtpUrl === undefined)
    return {
      ok: false,
      message: `not set: mail is written as .eml files in ${config.dataDir}/mail and nobody receives confirmation or sign-in emails; set SMTP_URL, e.g. smtps://user:password@mail.example.org:465`,
    };
  const url = new URL(smtpUrl);
  const server = `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transporter.verify();
  } catch (err) {
    return failure(smtpError(err), server, timeoutMs);
  } finally {
    transporter.close();
  }
  if (url.username === '')
    return {
      ok: 'warn',
      message: `${server} answered; SMTP_URL has no user name, so no login was tried: fine for a relay that trusts this server, but most providers refuse mail without one`,
    };
  return { ok: true, message: `${server} answered and accepted the user name and password` };
}
