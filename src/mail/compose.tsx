// Every email Firma sends, as text and HTML, in the recipient's language; signer mail carries
// one-click unsubscribe (RFC 8058) and a withdraw link.
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../platform/i18n/en.js';
import type { Translator } from '../platform/i18n/translator.js';
import { MarkdownHtml, markdownToPlainText } from '../platform/text/markdown.js';
import type { MailKind } from '../platform/outbox/outbox-store.js';
import { outcomeMailParts, type OutcomeMail } from '../moderation/outcome-mail.js';

export interface SignerLinks {
  confirm?: string;
  withdraw: string;
  unsubscribe: string;
}

export interface MailContext {
  kind: MailKind;
  t: Translator;
  siteName: string;
  petitionTitle: string;
  petitionUrl: string;
  recipientName?: string | undefined;
  /** Present for mail to a signer; absent for mail to the organizer. */
  links?: SignerLinks | undefined;
  milestone?: number | undefined;
  goal?: number | undefined;
  expiryDays: number;
  /** An update to signers: its title (the subject) and body (the Markdown subset), in the signer's language. */
  update?: { title: string; body: string; bodyHtml?: string | null | undefined } | undefined;
  /** Sign-in mail (no petition): the one-time link and how many minutes it works. */
  signIn?: { url: string; minutes: number } | undefined;
  /** A moderator's decision about the organizer's petition. */
  moderation?: OutcomeMail | undefined;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

interface Parts {
  subject: string;
  paragraphs: string[];
  /** The HTML of `paragraphs`, when it is richer than one <p> per string (an update's Markdown). */
  rich?: Child;
  action?: { label: string; url: string };
  after: string[];
}

function parts(ctx: MailContext): Parts {
  const { t } = ctx;
  const title = ctx.petitionTitle;
  const milestone = ctx.milestone ?? 0;
  const share = { label: t.t('mail.shareAction'), url: ctx.petitionUrl };
  const nextGoal = ctx.goal === undefined ? [] : [t.t('mail.milestone.nextGoal', { goal: ctx.goal })];
  switch (ctx.kind) {
    case 'confirm':
      return {
        subject: t.t('mail.confirm.subject', { title }),
        paragraphs: [t.t('mail.confirm.intro', { title })],
        action: { label: t.t('mail.confirm.action'), url: ctx.links?.confirm ?? ctx.petitionUrl },
        after: [t.t('mail.confirm.expiry', { count: ctx.expiryDays }), t.t('mail.confirm.notYou')],
      };
    case 'thanks':
      return {
        subject: t.t('mail.thanks.subject', { title }),
        paragraphs: [t.t('mail.thanks.intro', { title })],
        action: share,
        after: [],
      };
    case 'already_signed':
      return {
        subject: t.t('mail.already.subject', { title }),
        paragraphs: [t.t('mail.already.intro', { title })],
        action: share,
        after: [],
      };
    case 'milestone_signer':
      return {
        subject: t.t('mail.milestone.subject', { title, count: milestone }),
        paragraphs: [t.t('mail.milestone.intro', { title, count: milestone }), ...nextGoal],
        action: share,
        after: [],
      };
    case 'sign_in':
      return {
        subject: t.t('mail.signIn.subject', { site: ctx.siteName }),
        paragraphs: [t.t('mail.signIn.intro', { site: ctx.siteName })],
        action: { label: t.t('mail.signIn.action'), url: ctx.signIn?.url ?? '' },
        after: [t.t('mail.signIn.expiry', { count: ctx.signIn?.minutes ?? 0 }), t.t('mail.signIn.notYou')],
      };
    case 'petition_update': {
      const body = ctx.update?.body ?? '';
      return {
        subject: ctx.update?.title ?? title,
        paragraphs: [markdownToPlainText(body)],
        rich: <MarkdownHtml html={ctx.update?.bodyHtml} text={body} />,
        action: { label: t.t('mail.viewPetition'), url: ctx.petitionUrl },
        after: [t.t('mail.update.footer', { title })],
      };
    }
    case 'moderation_outcome':
      return ctx.moderation === undefined
        ? { subject: title, paragraphs: [], after: [] }
        : outcomeMailParts(t, title, ctx.petitionUrl, ctx.moderation);
    case 'milestone_organizer':
      return {
        subject: t.t('mail.milestone.subject', { title, count: milestone }),
        paragraphs: [t.t('mail.milestone.organizerIntro', { title, count: milestone }), ...nextGoal],
        action: { label: t.t('mail.viewPetition'), url: ctx.petitionUrl },
        after: [],
      };
  }
}

function footerLines(ctx: MailContext): { key: MessageKey; url: string }[] {
  if (ctx.links === undefined) return [];
  return [
    { key: 'mail.footer.unsubscribe', url: ctx.links.unsubscribe },
    { key: 'mail.footer.withdraw', url: ctx.links.withdraw },
  ];
}

export async function composeMail(ctx: MailContext): Promise<ComposedMail> {
  const { t } = ctx;
  const p = parts(ctx);
  const greeting = ctx.recipientName === undefined ? undefined : t.t('mail.greeting', { name: ctx.recipientName });
  const why =
    ctx.links === undefined ? undefined : t.t('mail.footer.why', { title: ctx.petitionTitle, site: ctx.siteName });
  const footer = footerLines(ctx);

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
    <html lang={t.locale}>
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
  if (ctx.links !== undefined) {
    headers['List-Unsubscribe'] = `<${ctx.links.unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { subject: p.subject, text, html: `<!doctype html>${await html.toString()}`, headers };
}
