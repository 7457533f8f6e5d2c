// For the accounts tests: asking for a sign-in link as a browser would, and reading it from the mail
// (test/support/mailroom.ts has the SMTP server and the worker).
import type { ReceivedMail } from '../support/smtp-sink.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { postForm, type TestApp } from '../support/test-app.js';

export { openMailroom, type Mailroom };

export function askForLink(
  t: TestApp,
  email: string,
  options: { next?: string; language?: 'en' | 'es'; headers?: Record<string, string> } = {},
): Promise<Response> {
  const fields: Record<string, string> = { email, ...(options.next === undefined ? {} : { next: options.next }) };
  return postForm(t, '/signin', fields, { 'Accept-Language': options.language ?? 'en', ...options.headers });
}

/** The path of the sign-in link in an email (/signin/<token>). */
export function signInPathIn(mail: ReceivedMail): string {
  const link = (mail.text.match(/https?:\/\/\S+/g) ?? []).find((l) => /\/signin\/[A-Za-z0-9_-]{43}$/.test(l));
  if (link === undefined) throw new Error(`no sign-in link in: ${mail.text}`);
  return new URL(link).pathname;
}

/** Asks for a link for `email`, delivers it, and returns the link's path. */
export async function linkFor(
  t: TestApp,
  mailroom: Mailroom,
  email: string,
  options: Parameters<typeof askForLink>[2] = {},
): Promise<string> {
  const to = email.trim().toLowerCase();
  const before = mailroom.sink.received.filter((m) => m.to === to).length;
  const res = await askForLink(t, email, options);
  if (res.status !== 303) throw new Error(`POST /signin answered ${res.status}`);
  await mailroom.deliver();
  const mails = await mailroom.sink.waitFor(before + 1, (m) => m.to === to);
  return signInPathIn(mails.at(-1) as ReceivedMail); // waitFor resolved with at least before + 1 mails
}

/** Presses the button on the link's page (a same-origin POST), optionally with a browser's existing cookie. */
export function useLink(t: TestApp, path: string, cookie?: string): Promise<Response> {
  return postForm(t, path, {}, cookie === undefined ? {} : { Cookie: cookie });
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookieFrom(res: Response): string {
  // On https the name carries the __Host- prefix.
  const header = res.headers.getSetCookie().find((c) => /^(__Host-)?firma_session=/.test(c));
  if (header === undefined) throw new Error('no session cookie was set');
  return header.split(';')[0] ?? '';
}
