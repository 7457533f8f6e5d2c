// Reads the .eml files the server wrote (no SMTP_URL), as a newcomer trying Firma would.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

/** Polls the mail folder until a message to `to` arrives, or fails after `timeoutMs`. */
export async function waitForEml(mailDir: string, to: string, timeoutMs = 10_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = await readdir(mailDir).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith('.eml')).sort()) {
      const mail = await simpleParser(await readFile(path.join(mailDir, file)));
      const recipients = [mail.to]
        .flat()
        .flatMap((a) => a?.value ?? [])
        .map((v) => v.address);
      if (recipients.includes(to)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no .eml to ${to} in ${mailDir} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function linkEndingIn(mail: ParsedMail, suffix: string): string {
  const link = (mail.text?.match(/https?:\/\/\S+/g) ?? []).find((l) => l.endsWith(suffix));
  if (link === undefined) throw new Error(`no link ending in ${suffix}`);
  return link;
}
