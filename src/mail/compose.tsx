// Lays out any email as text and HTML, in the recipient's language: what the kind wrote (mail-kind.ts),
// and for mail to a signer, why they get it, the withdraw link and one-click unsubscribe (RFC 8058); for other mail
// that can be stopped (a legislator's digests), why they get it and its one-click stop link.
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { Letter } from './mail-kind.js';

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

function footerLines(letter: Letter): { key: MessageKey; url: string }[] {
  if (letter.unsubscribe !== undefined) return [{ key: letter.unsubscribe.label, url: letter.unsubscribe.url }];
  if (letter.signer === undefined) return [];
  return [
    { key: 'mail.footer.unsubscribe', url: letter.signer.links.unsubscribe },
    { key: 'mail.footer.withdraw', url: letter.signer.links.withdraw },
  ];
}

export async function composeMail(letter: Letter): Promise<ComposedMail> {
  const { t, parts: p } = letter;
  const greeting = letter.greetName === undefined ? undefined : t.t('mail.greeting', { name: letter.greetName });
  const why =
    letter.unsubscribe?.why ??
    (letter.signer === undefined
      ? undefined
      : t.t('mail.footer.why', { title: letter.signer.petitionTitle, site: t.t('site.name') }));
  const footer = footerLines(letter);

  const text = [
    ...(greeting === undefined ? [] : [greeting]),
    ...p.paragraphs,
    ...(p.action === undefined ? [] : [`${p.action.label}:\n${p.action.url}`]),
    ...p.after,
    '--',
    ...(why === undefined ? [] : [why]),
    ...footer.map((f) => `${t.t(f.key)}:\n${f.url}`),
  ].join('\n\n');

  const html = (
    <html lang={t.locale} dir={t.dir === 'rtl' ? 'rtl' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.subject}</title>
      </head>
      <body style="margin:0;padding:0;background:#f4f2ee;color:#1b1b1f;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5">
        <div style="max-width:36rem;margin:0 auto;padding:1.5rem;background:#ffffff">
          {greeting === undefined ? null : <p>{greeting}</p>}
          {p.rich ?? p.paragraphs.map((para) => <p>{para}</p>)}
          {p.action === undefined ? null : (
            <p style="margin:1.5rem 0">
              <a
                href={p.action.url}
                style="display:inline-block;background:#b3261e;color:#ffffff;padding:.75rem 1.25rem;border-radius:.4rem;font-weight:700;text-decoration:none"
              >
                {p.action.label}
              </a>
            </p>
          )}
          {p.after.map((para) => (
            <p>{para}</p>
          ))}
          <hr style="border:0;border-top:1px solid #ddd;margin:1.5rem 0" />
          {why === undefined ? null : <p style="font-size:.875rem;color:#4a4a55">{why}</p>}
          {footer.length === 0 ? null : (
            <p style="font-size:.875rem">
              {footer.map((f, i) => (
                <>
                  {i === 0 ? null : ' · '}
                  <a href={f.url} style="color:#0b57a4">
                    {t.t(f.key)}
                  </a>
                </>
              ))}
            </p>
          )}
        </div>
      </body>
    </html>
  );

  const headers: Record<string, string> = { 'Content-Language': t.locale, 'Auto-Submitted': 'auto-generated' };
  const unsubscribe = letter.signer?.links.unsubscribe ?? letter.unsubscribe?.url;
  if (unsubscribe !== undefined) {
    headers['List-Unsubscribe'] = `<${unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { subject: p.subject, text, html: `<!doctype html>${await html.toString()}`, headers };
}
