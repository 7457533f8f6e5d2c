// The links between an organizer's pages for one petition: dashboard, edit, picture, updates, share kit, exports,
// paper signatures, webhooks, team. Each reader sees the links of the pages their role includes.
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { roleMay, type PetitionPower, type PetitionRole } from '../../../teams/team-role.js';

export type PetitionPageName =
  | 'dashboard'
  | 'edit'
  | 'picture'
  | 'updates'
  | 'share'
  | 'exports'
  | 'responses'
  | 'webhooks'
  | 'paper'
  | 'enter'
  | 'kiosk'
  | 'team';

const LINKS: { name: PetitionPageName; key: MessageKey; path: string; power: PetitionPower }[] = [
  { name: 'dashboard', key: 'dashboard.nav.dashboard', path: '', power: 'dashboard' },
  { name: 'edit', key: 'dashboard.nav.edit', path: '/edit', power: 'manage' },
  { name: 'picture', key: 'dashboard.nav.picture', path: '/picture', power: 'manage' },
  { name: 'updates', key: 'dashboard.nav.updates', path: '/updates', power: 'manage' },
  { name: 'share', key: 'dashboard.nav.share', path: '/share', power: 'manage' },
  { name: 'exports', key: 'dashboard.nav.exports', path: '/exports', power: 'manage' },
  { name: 'enter', key: 'dashboard.nav.enter', path: '/paper/enter', power: 'paper' },
  { name: 'paper', key: 'dashboard.nav.paper', path: '/paper', power: 'paper' },
  { name: 'kiosk', key: 'dashboard.nav.kiosk', path: '/kiosk', power: 'manage' },
  { name: 'webhooks', key: 'dashboard.nav.webhooks', path: '/webhooks', power: 'manage' },
  { name: 'team', key: 'dashboard.nav.team', path: '/team', power: 'team' },
];

export interface PetitionNavProps {
  t: Translator;
  petitionId: number;
  role: PetitionRole;
  slug: string;
  current: PetitionPageName;
  /** For a petition that is not public: its preview, linked instead of a public page that does not exist. */
  previewHref?: string | undefined;
}

export function PetitionNav({ t, petitionId, role, slug, current, previewHref }: PetitionNavProps) {
  return (
    <nav class="petition-nav" aria-label={t.t('dashboard.nav')}>
      <ul>
        {LINKS.filter((link) => roleMay(role, link.power)).map((link) => (
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
