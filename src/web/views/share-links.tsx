// Share links (copy, WhatsApp, email, Facebook, X): plain links, so no third-party code ever loads. With one of
// the organizer's share messages, the buttons go through Firma's share address, which counts the share and sends
// the reader on to the network with the message and a link carrying the message's source code.
import type { Translator } from '../../platform/i18n/translator.js';
import { networkShareUrl, SHARE_NETWORKS, withSource, type ShareNetwork } from '../../sharing/share-networks.js';

export interface ShareLinksProps {
  t: Translator;
  url: string;
  title: string;
  /** The organizer's message offered this time, and where its share buttons go (`/es/p/slug/share`). */
  message?: { id: number; body: string; shareBase: string } | undefined;
}

const LABELS = {
  whatsapp: 'share.whatsapp',
  email: 'share.email',
  facebook: 'share.facebook',
  x: 'share.x',
} as const satisfies Record<ShareNetwork, string>;

export function ShareLinks({ t, url, title, message }: ShareLinksProps) {
  const text = t.t('share.message', { title });
  const href = (network: ShareNetwork) =>
    message === undefined
      ? networkShareUrl(network, { text, title, url: withSource(url, network) })
      : `${message.shareBase}/${network}?m=${message.id}`;
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
      {message === undefined ? null : <blockquote class="share-message">{message.body}</blockquote>}
      <ul class="share-links">
        {SHARE_NETWORKS.map((network) => (
          <li>
            <a class={`share-${network}`} href={href(network)} rel="noopener noreferrer" target="_blank">
              {t.t(LABELS[network])}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
