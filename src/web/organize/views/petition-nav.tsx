// The links between an organizer's pages for one petition: dashboard, edit, picture, updates, share kit, exports,
// paper signatures, webhooks.
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import type { Translator } from '../../../platform/i18n/translator.js';

export type PetitionPageName =
  'dashboard' | 'edit' | 'picture' | 'updates' | 'share' | 'exports' | 'responses' | 'webhooks' | 'paper';

const LINKS: { name: PetitionPageName; key: MessageKey; path: string }[] = [
  { name: 'dashboard', key: 'dashboard.nav.dashboard', path: '' },
  { name: 'edit', key: 'dashboard.nav.edit', path: '/edit' },
  { name: 'picture', key: 'dashboard.nav.picture', path: '/picture' },
  { name: 'updates', key: 'dashboard.nav.updates', path: '/updates' },
  { name: 'share', key: 'dashboard.nav.share', path: '/share' },
  { name: 'exports', key: 'dashboard.nav.exports', path: '/exports' },
  { name: 'paper', key: 'dashboard.nav.paper', path: '/paper' },
  { name: 'webhooks', key: 'dashboard.nav.webhooks', path: '/webhooks' },
];

export interface PetitionNavProps {
  t: Translator;
  petitionId: number;
  slug: string;
  current: PetitionPageName;
  /** For a petition that is not public: its preview, linked instead of a public page that does not exist. */
  previewHref?: string | undefined;
}

export function PetitionNav({ t, petitionId, slug, current, previewHref }: PetitionNavProps) {
  return (
    <nav class="petition-nav" aria-label={t.t('dashboard.nav')}>
      <ul>
        {LINKS.map((link) => (
          <li>
            <a href={`/organize/${petitionId}${link.path}`} aria-current={link.name === current ? 'page' : undefined}>
              {t.t(link.key)}
            </a>
          </li>
        ))}
        <li>
          {previewHref === undefined ? (
            <a href={`/${t.locale}/p/${slug}`}>{t.t('dashboard.nav.public')}</a>
          ) : (
            <a href={previewHref}>{t.t('dashboard.nav.preview')}</a>
          )}
        </li>
      </ul>
    </nav>
  );
}
