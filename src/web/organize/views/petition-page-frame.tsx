// The frame of an organizer's page about one petition: the layout with its title and language switch, the links
// between the petition's pages (those of the reader's role), and the notice of what was just done.
import type { Child } from 'hono/jsx';
import type { Translator } from '../../../platform/i18n/translator.js';
import type { PetitionRole } from '../../../teams/team-role.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { PetitionNav, type PetitionPageName } from './petition-nav.js';

/** What every such page knows of its petition and reader (petitionPageBase in ../petition-page.ts). */
export interface PetitionPageBase {
  t: Translator;
  petitionId: number;
  /** The reader's role on the petition: the links shown are the pages it includes. */
  role: PetitionRole;
  slug: string;
  /** For a petition that is not public: its preview, linked instead of a public page that does not exist. */
  previewHref?: string | undefined;
  /** The petition's title in the reader's language. */
  title: string;
  notice?: string | undefined;
}

export function PetitionPageFrame(p: {
  base: PetitionPageBase;
  /** The page's own title (with the petition's in it). */
  pageTitle: string;
  /** The page's path, for the language switch. */
  path: string;
  current: PetitionPageName;
  children: Child;
}) {
  const { t } = p.base;
  return (
    <Layout t={t} title={p.pageTitle} switchHref={(l) => languageSwitchHref(l, p.path)}>
      <PetitionNav
        t={t}
        petitionId={p.base.petitionId}
        role={p.base.role}
        slug={p.base.slug}
        current={p.current}
        previewHref={p.base.previewHref}
      />
      {p.base.notice === undefined ? null : (
        <p class="flash" role="status">
          {p.base.notice}
        </p>
      )}
      {p.children}
    </Layout>
  );
}
