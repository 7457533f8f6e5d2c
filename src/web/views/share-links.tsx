// Share links (copy, WhatsApp, email, Facebook, X): plain links, so no third-party code ever loads.
import type { Translator } from '../../platform/i18n/translator.js';

export interface ShareLinksProps {
  t: Translator;
  url: string;
  title: string;
}

function withSource(url: string, source: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}source=${source}`;
}

export function ShareLinks({ t, url, title }: ShareLinksProps) {
  const message = t.t('share.message', { title });
  const enc = encodeURIComponent;
  const links = [
    {
      key: 'share.whatsapp',
      cls: 'whatsapp',
      href: `https://wa.me/?text=${enc(`${message} ${withSource(url, 'whatsapp')}`)}`,
    },
    {
      key: 'share.email',
      cls: 'email',
      href: `mailto:?subject=${enc(title)}&body=${enc(`${message}\n\n${withSource(url, 'email')}`)}`,
    },
    {
      key: 'share.facebook',
      cls: 'facebook',
      href: `https://www.facebook.com/sharer/sharer.php?u=${enc(withSource(url, 'facebook'))}`,
    },
    {
      key: 'share.x',
      cls: 'x',
      href: `https://x.com/intent/post?text=${enc(message)}&url=${enc(withSource(url, 'x'))}`,
    },
  ] as const;
  return (
    <section class="share" aria-labelledby="share-heading">
      <h2 id="share-heading">{t.t('share.heading')}</h2>
      <div class="share-copy">
        <label for="share-url">{t.t('share.linkLabel')}</label>
        <input id="share-url" type="url" value={url} readonly />
        <button type="button" class="copy-link" data-copy-target="share-url" data-copied={t.t('share.copied')} hidden>
          {t.t('share.copy')}
        </button>
        <span class="copy-status" role="status"></span>
      </div>
      <ul class="share-links">
        {links.map((l) => (
          <li>
            <a class={`share-${l.cls}`} href={l.href} rel="noopener noreferrer" target="_blank">
              {t.t(l.key)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
